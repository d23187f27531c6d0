// WCAG 2.1 AA asks 4.5:1 for text. Mantine's default palettes miss it in their darker shades for half
// the colours (green 8 on white is 3.45:1, yellow 9 is 3.0:1), and the theme uses shade 8 for text and
// white-on-colour fills and shade 9 for text on light tints (badges, alerts). Each palette's shades 8
// and 9 are darkened here, in small steps, until they read well enough; shades that already do stay.
import { DEFAULT_THEME, type MantineColorsTuple } from "@mantine/core";

/** Shade 8: text on white and white text on the colour. */
export const FILL_TEXT_RATIO = 4.6;
/** Shade 9: text on the colour's light tint (about 10% of shade 6 over white or gray-0). */
export const TINT_TEXT_RATIO = 5.6;

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Relative luminance (WCAG 2.1). */
function luminanceOf(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function darkenedHex(hex: string, factor: number): string {
  return `#${channels(hex)
    .map((channel) =>
      Math.round(channel * factor)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** The colour itself when it reads at `ratio` on white, else the lightest darker version that does. */
export function readableOnWhite(hex: string, ratio: number): string {
  let color = hex;
  for (let factor = 0.96; contrastRatio(color, "#ffffff") < ratio; factor -= 0.04) {
    color = darkenedHex(hex, factor);
  }
  return color;
}

function readablePalette(palette: MantineColorsTuple): MantineColorsTuple {
  const shades = [...palette];
  shades[8] = readableOnWhite(palette[8], FILL_TEXT_RATIO);
  shades[9] = readableOnWhite(palette[9], TINT_TEXT_RATIO);
  return shades as unknown as MantineColorsTuple;
}

/** Every default palette with shades 8 and 9 readable (dark is only used in the dark scheme). */
export const readableColors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors)
    .filter(([name]) => name !== "dark")
    .map(([name, palette]) => [name, readablePalette(palette)]),
) as Record<string, MantineColorsTuple>;
