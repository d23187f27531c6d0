// pt-BR is the product's first language and the shape every other language must match.
export const ptBR = {
  common: {
    productName: "Corrente",
    loading: "Carregando…",
    retry: "Tentar novamente",
    signOut: "Sair",
    skipToContent: "Pular para o conteúdo",
    toggleNavigation: "Mostrar ou esconder o menu",
    mainNavigation: "Navegação principal",
    language: "Idioma",
    languageNames: { ptBR: "Português (Brasil)", en: "English" },
    languageShort: { ptBR: "PT", en: "EN" },
    home: "Início",
    sessionLoadFailed: "Não foi possível carregar sua sessão.",
  },
  notFound: {
    title: "Página não encontrada",
    body: "O endereço que você abriu não existe ou foi movido.",
    backHome: "Voltar ao início",
  },
  routeError: {
    title: "Algo deu errado",
    body: "Esta página encontrou um erro inesperado. Recarregar costuma resolver.",
    reload: "Recarregar a página",
  },
  errors: {
    network: "Não foi possível falar com o servidor. Verifique sua conexão e tente de novo.",
    rateLimited: "Muitas tentativas seguidas. Aguarde um pouco e tente de novo.",
    invalidCredentials: "E-mail ou senha incorretos.",
    programNotFound: "Não encontramos este programa. Confira o endereço que você recebeu.",
    validationFailed: "Confira os campos destacados.",
    generic: "Algo deu errado do nosso lado. Tente de novo em instantes.",
  },
  validation: {
    emailRequired: "Informe seu e-mail.",
    emailInvalid: "Informe um e-mail válido, como nome@empresa.com.br.",
    passwordRequired: "Informe sua senha.",
    programRequired: "Escolha um programa.",
    fieldInvalid: "Confira este campo.",
  },
  admin: {
    areaName: "Área da equipe",
    roles: { owner: "Proprietário", admin: "Administrador", sales: "Vendas", support: "Atendimento" },
    login: {
      title: "Entrar na Corrente",
      subtitle: "Acesso da equipe que opera os programas de indicação.",
      email: "E-mail",
      password: "Senha",
      submit: "Entrar",
    },
    home: {
      title: "Início",
      programsTitle: "Programas",
      programsIntro: "Os programas de indicação de {{organization}}.",
      noPrograms: "Esta organização ainda não tem programas.",
      slug: "Endereço",
      landingPage: "Página pública",
      referrerPortal: "Portal do indicador",
      devTitle: "Desenvolvimento",
      devMailbox: "Caixa de e-mails de desenvolvimento",
      devMailboxHint: "Os e-mails que o servidor local “enviou” ficam guardados aqui.",
    },
  },
  portal: {
    areaName: "Minhas Indicações",
    login: {
      title: "Entrar em Minhas Indicações",
      intro: "Informe o e-mail que você usa no programa. Enviaremos um link de acesso.",
      email: "E-mail",
      program: "Programa",
      programPlaceholder: "Escolha o programa",
      submit: "Enviar link de acesso",
      sentTitle: "Confira seu e-mail",
      sent: "Se este e-mail participa do programa, enviamos um link de acesso.",
      sentHint: "O link só pode ser usado uma vez. Se não chegar em alguns minutos, confira a caixa de spam.",
      useAnotherEmail: "Usar outro e-mail",
      linkInvalidTitle: "Link de acesso inválido",
      linkInvalid: "Este link expirou ou já foi usado. Peça um novo link abaixo.",
      noPrograms: "Nenhum programa está aceitando acessos no momento.",
      programsLoadFailed: "Não foi possível carregar a lista de programas.",
    },
    home: {
      greeting: "Olá, {{name}}!",
      signedInTo: "Você entrou no programa {{program}}.",
      landingPage: "Ver a página do programa",
    },
  },
};

type MessagesOf<T> = { [Key in keyof T]: T[Key] extends string ? string : MessagesOf<T[Key]> };

/** What every language file must provide: the same keys as pt-BR, each a string. */
export type Messages = MessagesOf<typeof ptBR>;
