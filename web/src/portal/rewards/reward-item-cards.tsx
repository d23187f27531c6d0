import { Badge, Button, Card, Image, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { OfferItem } from "../../api/reward-types";
import { useLocalizedText } from "../../app/localized-text";

type RewardItemCardsProps = {
  items: OfferItem[];
  onChoose: (item: OfferItem, button: HTMLButtonElement) => void;
};

/** The items the referrer can choose now, one card each. */
export function RewardItemCards({ items, onChoose }: RewardItemCardsProps) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
      {items.map((item) => (
        <RewardItemCard key={item.id} item={item} onChoose={onChoose} />
      ))}
    </SimpleGrid>
  );
}

function RewardItemCard({ item, onChoose }: { item: OfferItem; onChoose: RewardItemCardsProps["onChoose"] }) {
  const { t } = useTranslation();
  const localized = useLocalizedText();
  const nameId = useId();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={nameId}>
      {item.imageUrl ? (
        <Card.Section>
          {/* The name and description below say what it is. */}
          <Image src={item.imageUrl} alt="" h={140} fit="cover" />
        </Card.Section>
      ) : null}
      <Stack gap={6} mt={item.imageUrl ? "sm" : 0} h="100%">
        <Title order={4} size="h5" id={nameId}>
          {localized(item.name)}
        </Title>
        <Badge variant="light" color="gray" tt="none" w="fit-content">
          {t(`rewards.kind.${item.kind}`)}
        </Badge>
        <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
          {localized(item.description)}
        </Text>
        {/* The visible words stay the button's name; the item's name is read as its description. */}
        <Button mt="xs" aria-describedby={nameId} onClick={(event) => onChoose(item, event.currentTarget)}>
          {t("portal.rewards.choose.button")}
        </Button>
      </Stack>
    </Card>
  );
}
