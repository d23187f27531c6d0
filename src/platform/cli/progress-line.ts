// A progress bar for long CLI work, on stderr, redrawn at most ten times a second:
// `[#########-----------]  45%  120,500 rows  14,210 rows/s`. Call it only when stderr is a terminal.
const number = new Intl.NumberFormat("en-US");

export function progressLine(options: { unit: string; fraction: (count: number) => number }) {
  const startedAt = performance.now();
  let drawnAt = 0;
  const draw = (count: number) => {
    const fraction = Math.max(0, Math.min(1, options.fraction(count)));
    const filled = Math.round(fraction * 20);
    const rate = count / Math.max((performance.now() - startedAt) / 1000, 0.001);
    const bar = `[${"#".repeat(filled)}${"-".repeat(20 - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`;
    process.stderr.write(
      `\r${bar}  ${number.format(count)} ${options.unit}  ${number.format(Math.round(rate))} ${options.unit}/s\u001b[K`,
    );
  };
  let lastCount = 0;
  return {
    update: (count: number) => {
      lastCount = count;
      if (performance.now() - drawnAt < 100) return;
      drawnAt = performance.now();
      draw(count);
    },
    end: () => {
      if (drawnAt > 0) {
        draw(lastCount);
        process.stderr.write("\n");
      }
    },
  };
}
