import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

/** E.164 ("+5511987654321") for a valid number, Brazil unless the number says otherwise; else null. */
export function normalizePhone(input: string, defaultCountry: CountryCode = "BR"): string | null {
  if (!/^[\d\s()+\-.]{8,25}$/.test(input.trim())) return null;
  const phone = parsePhoneNumberFromString(input, defaultCountry);
  return phone?.isValid() ? phone.number : null;
}
