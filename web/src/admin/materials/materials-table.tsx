import { Anchor, Badge, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../app/formatting";
import { ListTable } from "../../app/list-kit";
import { useLocalizedText } from "../../app/localized-text";
import { SafeHtmlBody } from "../../app/safe-html-body";
import type { AdminMaterial } from "./materials-api";
import classes from "./materials-table.module.css";

type MaterialsTableProps = {
  materials: AdminMaterial[];
  programName: string;
  onEdit: (material: AdminMaterial, button: HTMLButtonElement) => void;
  onDelete: (material: AdminMaterial, button: HTMLButtonElement) => void;
};

/** The program's materials and tips in the order the portal shows them. */
export function MaterialsTable({ materials, programName, onEdit, onDelete }: MaterialsTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  return (
    <ListTable
      minWidth={760}
      caption={t("admin.materials.table.caption", { program: programName })}
      columns={[
        t("admin.materials.table.position"),
        t("admin.materials.table.title"),
        t("admin.materials.table.kind"),
        t("admin.materials.table.link"),
        t("admin.materials.table.updatedAt"),
        t("admin.materials.table.actions"),
      ]}
    >
      {materials.map((material) => {
        const title = localized(material.title);
        return (
          <Table.Tr key={material.id}>
            <Table.Td>{material.position}</Table.Td>
            <Table.Th scope="row" fw={400}>
              <Text fw={600} size="sm">
                {title}
              </Text>
              {/* As the portal shows it (rendered and sanitised by the server), cut to a few lines. */}
              <SafeHtmlBody
                html={localized(material.bodyHtml)}
                fz="xs"
                c="dimmed"
                className={classes.excerpt}
              />
            </Table.Th>
            <Table.Td>
              <Badge
                color={material.kind === "tip" ? "grape" : "blue"}
                variant="light"
                tt="none"
                h="auto"
                py={2}
                // Narrow columns wrap the kind instead of cutting it.
                styles={{ label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip" } }}
              >
                {t(`admin.materials.kind.${material.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td maw={220} style={{ overflowWrap: "anywhere" }}>
              {material.linkUrl ? (
                <Anchor href={material.linkUrl} target="_blank" rel="noopener noreferrer" size="sm">
                  {material.linkUrl}
                </Anchor>
              ) : (
                "—"
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(material.updatedAt)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant="default"
                  onClick={(event) => onEdit(material, event.currentTarget)}
                  aria-label={t("admin.materials.editLabel", { title })}
                >
                  {t("admin.materials.edit")}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={(event) => onDelete(material, event.currentTarget)}
                  aria-label={t("admin.materials.deleteLabel", { title })}
                >
                  {t("admin.materials.delete")}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
