import { Alert, Button, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import { PageHeader } from "../../app/page-header";
import { useSignedInReferrer } from "../portal-session";
import { MaterialCards, TipList } from "./material-list";
import { getPortalMaterials } from "./portal-materials-api";
import { ShareBlock } from "./share-block";

// /portal/materials – "Materiais de apoio": what to share, the program's materials and tips to refer more.
export function PortalMaterialsPage() {
  const { t } = useTranslation();
  const { program } = useSignedInReferrer();
  const content = useQuery({ queryKey: queryKeys.portalMaterials, queryFn: getPortalMaterials });
  const materials = content.data?.materials.filter((material) => material.kind === "material") ?? [];
  const tips = content.data?.materials.filter((material) => material.kind === "tip") ?? [];

  return (
    <Stack gap="lg">
      <PageHeader title={t("portal.materials.title")} intro={t("portal.materials.intro")} introWidth={760} />
      {content.isPending ? (
        <Center role="status" py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : content.isError ? (
        <Alert color="red" title={t("portal.materials.loadFailed")}>
          <Stack gap="xs" align="flex-start">
            {apiErrorMessage(content.error, t)}
            <Button size="xs" variant="default" onClick={() => void content.refetch()}>
              {t("common.retry")}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <>
          <ShareBlock share={content.data.share} programName={program.name} />
          <Stack component="section" gap="sm" aria-labelledby="materials-heading">
            <Title order={2} size="h3" id="materials-heading">
              {t("portal.materials.materialsTitle")}
            </Title>
            {materials.length === 0 ? (
              <Text c="dimmed">{t("portal.materials.noMaterials")}</Text>
            ) : (
              <MaterialCards materials={materials} />
            )}
          </Stack>
          <Stack component="section" gap="sm" aria-labelledby="tips-heading">
            <Title order={2} size="h3" id="tips-heading">
              {t("portal.materials.tipsTitle")}
            </Title>
            {content.data.policyTips.length + tips.length === 0 ? (
              <Text c="dimmed">{t("portal.materials.noTips")}</Text>
            ) : (
              <TipList policyTips={content.data.policyTips} tips={tips} />
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
