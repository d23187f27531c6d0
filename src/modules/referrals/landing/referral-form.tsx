// The referral form: a plain HTML form that works without JavaScript (POST to the same page), with
// labels, grouped fieldsets and errors tied to their fields for screen readers.
import type { ReactNode } from "react";
import type { Locale } from "../../../platform/i18n/locale.js";
import { fieldMessage } from "./field-messages.js";
import type { LandingWords } from "./landing-words.js";

export type FormState = { values: Record<string, string>; errors: Record<string, string[]>; notice?: string };

type Ctx = { w: LandingWords; state: FormState; locale: Locale };

function Errors({ name, ctx }: { name: string; ctx: Ctx }) {
  const messages = ctx.state.errors[name];
  if (!messages?.length) return null;
  return (
    <span className="err" id={`${name}-error`}>
      {messages.map((m) => fieldMessage(m, ctx.locale)).join(" ")}
    </span>
  );
}

function a11y(name: string, ctx: Ctx) {
  const hasError = Boolean(ctx.state.errors[name]?.length);
  return {
    "aria-invalid": hasError || undefined,
    "aria-describedby": hasError ? `${name}-error` : undefined,
  };
}

function Field(props: {
  name: string;
  label: string;
  ctx: Ctx;
  type?: string;
  required?: boolean;
  extra?: Record<string, string | boolean>;
}) {
  const { name, ctx } = props;
  return (
    <p className="field">
      <label htmlFor={name}>{props.label}</label>
      <input
        id={name}
        name={name}
        type={props.type ?? "text"}
        required={props.required}
        defaultValue={ctx.state.values[name] ?? ""}
        {...a11y(name, ctx)}
        {...props.extra}
      />
      <Errors name={name} ctx={ctx} />
    </p>
  );
}

function Select(props: { name: string; label: string; ctx: Ctx; options: Record<string, string> }) {
  const { name, ctx } = props;
  return (
    <p className="field">
      <label htmlFor={name}>{props.label}</label>
      <select id={name} name={name} required defaultValue={ctx.state.values[name] ?? ""} {...a11y(name, ctx)}>
        <option value="">{ctx.w.choose}</option>
        {Object.entries(props.options).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <Errors name={name} ctx={ctx} />
    </p>
  );
}

function Check({ name, label, ctx }: { name: string; label: ReactNode; ctx: Ctx }) {
  return (
    <p className="check">
      <input
        id={name}
        name={name}
        type="checkbox"
        value="true"
        required
        defaultChecked={ctx.state.values[name] === "true"}
        {...a11y(name, ctx)}
      />
      <label htmlFor={name}>{label}</label>
      <Errors name={name} ctx={ctx} />
    </p>
  );
}

type ReferralFormProps = Ctx & {
  termsVersion: string;
  /** The program's age rule, checked by the enhancement script with the other fields (today in its zone). */
  age: { minimum: number; today: string };
};

export function ReferralForm({ w, state, locale, termsVersion, age }: ReferralFormProps) {
  const ctx = { w, state, locale };
  const hasErrors = Object.keys(state.errors).length > 0;
  return (
    <form method="post" id="referral-form" noValidate>
      {state.notice ? (
        <p className="alert" role="alert">
          {state.notice}
        </p>
      ) : null}
      {hasErrors ? (
        <p className="alert" role="alert">
          {w.errorsTitle}
        </p>
      ) : null}
      <fieldset>
        <legend>{w.you}</legend>
        <Field
          name="referrerName"
          label={w.referrerName}
          ctx={ctx}
          required
          extra={{ autoComplete: "name" }}
        />
        <Field
          name="referrerEmail"
          label={w.referrerEmail}
          type="email"
          ctx={ctx}
          required
          extra={{ autoComplete: "email" }}
        />
        <Field
          name="referrerPhone"
          label={w.referrerPhone}
          type="tel"
          ctx={ctx}
          required
          extra={{ autoComplete: "tel", "data-mask": "phone" }}
        />
        <Field
          name="referrerBirthDate"
          label={w.referrerBirthDate}
          type="date"
          ctx={ctx}
          required
          extra={{ autoComplete: "bday", "data-minimum-age": String(age.minimum), "data-today": age.today }}
        />
        <Select
          name="referrerIsCustomer"
          label={w.referrerIsCustomer}
          ctx={ctx}
          options={{ true: w.yes, false: w.no }}
        />
      </fieldset>
      <fieldset>
        <legend>{w.company}</legend>
        <Field
          name="companyName"
          label={w.companyName}
          ctx={ctx}
          required
          extra={{ autoComplete: "organization" }}
        />
        <Field
          name="companyCnpj"
          label={w.companyCnpj}
          ctx={ctx}
          extra={{ "data-mask": "cnpj", inputMode: "text" }}
        />
        <Select name="companySize" label={w.companySize} ctx={ctx} options={w.sizes} />
        <Field
          name="supportAgents"
          label={w.supportAgents}
          type="number"
          ctx={ctx}
          extra={{ min: "0", inputMode: "numeric" }}
        />
      </fieldset>
      <fieldset>
        <legend>{w.contact}</legend>
        <Field name="contactName" label={w.contactName} ctx={ctx} required />
        <Field name="contactRole" label={w.contactRole} ctx={ctx} required />
        <Select name="contactDepartment" label={w.contactDepartment} ctx={ctx} options={w.departments} />
        <Field name="contactEmail" label={w.contactEmail} type="email" ctx={ctx} required />
        <Field
          name="contactPhone"
          label={w.contactPhone}
          type="tel"
          ctx={ctx}
          required
          extra={{ "data-mask": "phone" }}
        />
        <p className="field">
          <label htmlFor="notes">{w.notes}</label>
          <textarea
            id="notes"
            name="notes"
            rows={3}
            maxLength={2000}
            defaultValue={state.values.notes ?? ""}
          />
        </p>
      </fieldset>
      <div className="hp" aria-hidden="true">
        <label htmlFor="website">{w.honeypot}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <Check name="declaresContactAware" label={w.declaresContactAware} ctx={ctx} />
      <Check name="declaresNoPurchasedData" label={w.declaresNoPurchasedData} ctx={ctx} />
      <Check name="acceptTerms" label={w.acceptTerms.replace("{version}", termsVersion)} ctx={ctx} />
      <button type="submit">{w.submit}</button>
    </form>
  );
}
