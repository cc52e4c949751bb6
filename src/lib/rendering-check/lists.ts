import type { Figure, Reading } from './types.ts';

type Quantity = Extract<Reading, { type: 'quantity' }>;

/** How a language joins the numbers of a list, and what its magnitude words multiply by. */
export interface ListWords {
  separator: RegExp;
  multiplier: (magnitudeWord: string) => number;
}

const quantityOf = (figure: Figure): Quantity | undefined => figure.readings.find((reading): reading is Quantity => reading.type === 'quantity');
const isBare = (quantity: Quantity) => !quantity.percent && !quantity.currency && !quantity.magnitudeWord && !quantity.unit;

/**
 * A list under one word shares it: "ร้อยละ 12.4 9.81 และ 6.10" is three percentages, "5, 10 and 20 million
 * baht" three amounts in million baht. Items are numbers with only the list's separators between them; what
 * comes before the first (ร้อยละ, $) is shared forward, what follows the last (ล้านบาท, million) backward.
 */
export function shareListWords(figures: Figure[], text: string, list: ListWords): Figure[] {
  const numbers = figures.filter((figure) => figure.kind === 'number' || figure.kind === 'percent' || figure.kind === 'money');
  const inList = (a: Figure, b: Figure) => b.span.start > a.span.end && list.separator.test(text.slice(a.span.end, b.span.start));
  const share = (from: Figure, to: Figure, forward: boolean) => {
    const source = quantityOf(from);
    const target = quantityOf(to);
    if (!source || !target || !isBare(target) || isBare(source)) return;
    const multiplier = forward || !source.magnitudeWord ? 1 : list.multiplier(source.magnitudeWord);
    Object.assign(target, {
      value: target.value * multiplier,
      precision: target.precision * multiplier,
      percent: source.percent,
      currency: source.currency,
      magnitudeWord: forward ? null : source.magnitudeWord,
      ...(source.unit ? { unit: source.unit } : {}),
    });
    to.readings = to.readings.filter((reading) => reading.type === 'quantity');
    to.kind = target.percent ? 'percent' : target.currency ? 'money' : 'number';
  };
  // A list written with its words on every item ("18 million, 40 million and 2 million") shares nothing:
  // only a run whose other items are all bare takes the word of its first or last.
  const runs: Figure[][] = [];
  for (const figure of numbers) {
    const run = runs.at(-1);
    if (run && inList(run.at(-1)!, figure)) run.push(figure);
    else runs.push([figure]);
  }
  for (const run of runs.filter((items) => items.length > 1)) {
    const bare = (items: Figure[]) => items.every((item) => quantityOf(item) !== undefined && isBare(quantityOf(item)!));
    const [first, last] = [run[0]!, run.at(-1)!];
    const firstLeads = quantityOf(first)?.percent === true || (quantityOf(first)?.currency != null && !quantityOf(first)?.magnitudeWord);
    if (firstLeads && bare(run.slice(1))) for (const item of run.slice(1)) share(first, item, true);
    else if (bare(run.slice(0, -1))) for (const item of run.slice(0, -1)) share(last, item, false);
  }
  return figures;
}
