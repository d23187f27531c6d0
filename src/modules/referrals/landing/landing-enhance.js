// Progressive enhancement of the referral form (served as /p-assets/landing.js): masks for CNPJ and
// phone, and checks as you leave a field. The server checks everything again; without this script the
// form works the same.
(() => {
  const form = document.getElementById("referral-form");
  if (!form) return;
  const en = document.documentElement.lang === "en";
  const say = (pt, english) => (en ? english : pt);

  const cnpjValue = (c) => c.charCodeAt(0) - 48;
  const checkDigit = (chars, weights) => {
    const sum = weights.reduce((acc, w, i) => acc + cnpjValue(chars[i]) * w, 0);
    return sum % 11 < 2 ? 0 : 11 - (sum % 11);
  };
  const isValidCnpj = (input) => {
    const c = input.replace(/[.\-/\s]/g, "").toUpperCase();
    if (!/^[0-9A-Z]{12}[0-9]{2}$/.test(c) || /^(\d)\1{13}$/.test(c)) return false;
    const d1 = checkDigit(c, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    const d2 = checkDigit(c.slice(0, 12) + d1, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    return c.endsWith(`${d1}${d2}`);
  };

  const masks = {
    cnpj: (v) => {
      const c = v
        .replace(/[^0-9a-zA-Z]/g, "")
        .toUpperCase()
        .slice(0, 14);
      const parts = [c.slice(0, 2), c.slice(2, 5), c.slice(5, 8), c.slice(8, 12), c.slice(12, 14)];
      return (
        parts[0] +
        (parts[1] ? `.${parts[1]}` : "") +
        (parts[2] ? `.${parts[2]}` : "") +
        (parts[3] ? `/${parts[3]}` : "") +
        (parts[4] ? `-${parts[4]}` : "")
      );
    },
    phone: (v) => {
      if (v.trim().startsWith("+")) return v;
      const d = v.replace(/\D/g, "").slice(0, 11);
      if (d.length <= 2) return d;
      const local = d.slice(2);
      const split = local.length > 8 ? 5 : 4;
      return `(${d.slice(0, 2)}) ${local.slice(0, split)}${local.length > split ? `-${local.slice(split)}` : ""}`;
    },
  };

  const problem = (input) => {
    const v = input.type === "checkbox" ? input.checked : input.value.trim();
    if (input.required && !v) return say("Campo obrigatório.", "This field is required.");
    if (!v || input.type === "checkbox") return "";
    if (input.type === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v))
      return say("E-mail inválido.", "This e-mail is not valid.");
    if (input.dataset.mask === "cnpj" && !isValidCnpj(v))
      return say("CNPJ inválido.", "This CNPJ is not valid (check the digits).");
    if (input.dataset.mask === "phone" && v.replace(/\D/g, "").length < 10)
      return say("Telefone inválido.", "This phone number is not valid.");
    return "";
  };

  const show = (input) => {
    const message = problem(input);
    let note = document.getElementById(`${input.name}-error`);
    if (message && !note) {
      note = document.createElement("span");
      note.className = "err";
      note.id = `${input.name}-error`;
      input.parentElement.appendChild(note);
    }
    if (note) note.textContent = message;
    input.setAttribute("aria-invalid", message ? "true" : "false");
    if (message) input.setAttribute("aria-describedby", note.id);
    return !message;
  };

  for (const input of form.querySelectorAll("[data-mask]")) {
    input.addEventListener("input", () => {
      input.value = masks[input.dataset.mask](input.value);
    });
  }
  const fields = [...form.querySelectorAll("input:not([name=website]), select")];
  for (const input of fields) input.addEventListener("blur", () => show(input));
  form.addEventListener("submit", (event) => {
    const invalid = fields.filter((input) => !show(input));
    if (invalid.length > 0) {
      event.preventDefault();
      invalid[0].focus();
    }
  });
})();
