import { Badge, Button, Group, Image, Loader, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ListTable } from "../../app/list-kit";
import { useLocalizedText } from "../../app/localized-text";
import type { CatalogItem } from "./catalog-api";

type CatalogTableProps = {
  items: CatalogItem[];
  programName: string;
  /** The item whose retire/reactivate request is on its way. */
  pendingId: string | null;
  onEdit: (item: CatalogItem, button: HTMLButtonElement) => void;
  onToggleActive: (item: CatalogItem) => void;
};

export function CatalogTable({ items, programName, pendingId, onEdit, onToggleActive }: CatalogTableProps) {
  const { t, i18n } = useTranslation();
  const localized = useLocalizedText();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <ListTable
      minWidth={760}
      caption={t("admin.catalog.table.caption", { program: programName })}
      columns={[
        t("admin.catalog.table.item"),
        t("admin.catalog.table.kind"),
        t("admin.catalog.table.stock"),
        t("admin.catalog.table.state"),
        t("admin.catalog.table.actions"),
      ]}
    >
      {items.map((item) => {
        const name = localized(item.name);
        return (
          <Table.Tr key={item.id}>
            <Table.Th scope="row" fw={400}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                {item.imageUrl ? (
                  // The name beside it says what the picture shows.
                  <Image src={item.imageUrl} alt="" w={48} h={48} radius="sm" fit="cover" />
                ) : null}
                <div>
                  <Text fw={600} size="sm">
                    {name}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {localized(item.description)}
                  </Text>
                </div>
              </Group>
            </Table.Th>
            <Table.Td>{t(`rewards.kind.${item.kind}`)}</Table.Td>
            <Table.Td>
              {item.stock === null
                ? t("admin.catalog.table.unlimited")
                : item.stock === 0
                  ? t("admin.catalog.table.outOfStock")
                  : number.format(item.stock)}
            </Table.Td>
            <Table.Td>
              <Badge color={item.isActive ? "green" : "gray"} variant="light" tt="none">
                {item.isActive ? t("admin.catalog.table.active") : t("admin.catalog.table.retired")}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant="default"
                  onClick={(event) => onEdit(item, event.currentTarget)}
                  aria-label={t("admin.catalog.editLabel", { name })}
                >
                  {t("admin.catalog.edit")}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color={item.isActive ? "red" : "green"}
                  // Not `loading`: that disables the button and drops the keyboard focus to the page.
                  aria-busy={pendingId === item.id}
                  rightSection={pendingId === item.id ? <Loader size={12} /> : undefined}
                  onClick={() => onToggleActive(item)}
                  aria-label={t(
                    item.isActive ? "admin.catalog.retireLabel" : "admin.catalog.reactivateLabel",
                    {
                      name,
                    },
                  )}
                >
                  {item.isActive ? t("admin.catalog.retire") : t("admin.catalog.reactivate")}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
