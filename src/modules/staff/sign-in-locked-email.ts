import { defineEmailTemplate } from "../../platform/mail/template.js";

type SignInLockedData = { name: string; organizationName: string; failures: number; lockMinutes: number };

export const signInLockedEmail = defineEmailTemplate<SignInLockedData>({
  id: "staff.sign-in-locked",
  isAutomatic: true,
  render: (data, locale) =>
    locale === "en"
      ? {
          subject: "Sign-in to your account was locked for a while",
          preheader: `${data.failures} wrong passwords in a row.`,
          heading: `Hello, ${data.name}`,
          paragraphs: [
            `Someone tried to sign in to your ${data.organizationName} staff account with a wrong password ${data.failures} times in a few minutes. To protect it, signing in with your e-mail is locked for ${data.lockMinutes} minutes, even with the right password.`,
            "If it was you, wait and try again. If it was not, nothing was opened: your password held. Choose a stronger one once you are in, and tell your organization's administrator.",
          ],
          footnote: "You get this e-mail once per lock.",
        }
      : {
          subject: "A entrada na sua conta foi bloqueada por um tempo",
          preheader: `${data.failures} senhas erradas seguidas.`,
          heading: `Olá, ${data.name}`,
          paragraphs: [
            `Alguém tentou entrar ${data.failures} vezes em poucos minutos na sua conta da equipe ${data.organizationName} com uma senha errada. Para protegê-la, a entrada com o seu e-mail fica bloqueada por ${data.lockMinutes} minutos, mesmo com a senha certa.`,
            "Se foi você, aguarde e tente de novo. Se não foi, nada foi aberto: sua senha resistiu. Escolha uma mais forte quando entrar e avise o administrador da sua organização.",
          ],
          footnote: "Você recebe este e-mail uma vez por bloqueio.",
        },
});
