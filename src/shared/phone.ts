import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

// Only what people write around a phone number: digits, spaces, "()", "+", "-", ".". The parser would
// otherwise pull a number out of free text ("ligue 11 98765-4321") or read letters as a keypad.
const PHONE_CHARACTERS = /^[\d\s()+\-.]{8,25}$/;

/**
 * E.164 ("+5511987654321") for a number the full metadata (`/max`) calls valid, which also checks that
 * the area code exists and a mobile number has its ninth digit; Brazil unless the number says otherwise
 * with "+". Null for anything else.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = "BR"): string | null {
  const trimmed = input.trim();
  if (!PHONE_CHARACTERS.test(trimmed)) return null;
  const phone = parsePhoneNumberFromString(trimmed, defaultCountry);
  return phone?.isValid() ? phone.number : null;
}
