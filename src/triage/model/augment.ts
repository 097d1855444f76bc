/**
 * Mechanical transliteration for training only: a Kazakh message in Cyrillic is retyped with
 * Russian letters and in Latin (the 2021 alphabet, or chat ASCII), a Russian one in Latin,
 * each with habits chosen by a seeded generator (ya/ia, sh/w, ch/4, zh/j …). Copies whose
 * normalised form is the original's add nothing and are dropped by the trainer. Pure.
 */

type Pick = () => number;

const KK_TO_RULET: Record<string, string> = { ә: "а", ғ: "г", қ: "к", ң: "н", ө: "о", ұ: "у", ү: "у", һ: "х", і: "и" };

const KK_TO_LAT2021: Record<string, string> = {
  а: "a", ә: "ä", б: "b", в: "v", г: "g", ғ: "ğ", д: "d", е: "e", ё: "io", ж: "j", з: "z", и: "i", й: "i", к: "k",
  қ: "q", л: "l", м: "m", н: "n", ң: "ñ", о: "o", ө: "ö", п: "p", р: "r", с: "s", т: "t", у: "u", ұ: "ū", ү: "ü",
  ф: "f", х: "h", һ: "h", ц: "ts", ч: "ch", ш: "ş", щ: "şş", ъ: "", ы: "y", і: "ı", ь: "", э: "e", ю: "iu", я: "ia",
};

/** Chat ASCII: each letter's usual spellings, the first the most common. */
const KK_TO_ASCII: Record<string, readonly string[]> = {
  а: ["a"], ә: ["a", "ae"], б: ["b"], в: ["v"], г: ["g"], ғ: ["g", "gh"], д: ["d"], е: ["e"], ё: ["yo"], ж: ["zh", "j"],
  з: ["z"], и: ["i"], й: ["i", "y"], к: ["k"], қ: ["q", "k"], л: ["l"], м: ["m"], н: ["n"], ң: ["n", "ng"], о: ["o"],
  ө: ["o", "oe"], п: ["p"], р: ["r"], с: ["s"], т: ["t"], у: ["u", "w"], ұ: ["u"], ү: ["u", "ue"], ф: ["f"], х: ["h", "kh"],
  һ: ["h"], ц: ["ts", "c"], ч: ["ch"], ш: ["sh"], щ: ["sh"], ъ: [""], ы: ["y", "i"], і: ["i"], ь: [""], э: ["e"],
  ю: ["yu", "iu"], я: ["ya", "ia"],
};

const RU_TO_LAT: Record<string, readonly string[]> = {
  а: ["a"], б: ["b"], в: ["v"], г: ["g"], д: ["d"], е: ["e"], ё: ["e", "yo"], ж: ["zh", "j"], з: ["z"], и: ["i"],
  й: ["y", "i", "j"], к: ["k"], л: ["l"], м: ["m"], н: ["n"], о: ["o"], п: ["p"], р: ["r"], с: ["s"], т: ["t"], у: ["u"],
  ф: ["f"], х: ["h", "kh", "x"], ц: ["ts", "c"], ч: ["ch", "4"], ш: ["sh", "w"], щ: ["sch", "sh"], ъ: [""], ы: ["y", "i"],
  ь: ["", "'"], э: ["e"], ю: ["yu", "iu", "ju"], я: ["ya", "ia", "ja"],
};

/** Retypes `text` letter by letter; a letter's habit is chosen once per message, so one message is consistent. */
function retype(text: string, table: Record<string, readonly string[] | string>, pick: Pick): string {
  const habit = new Map<string, string>();
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const entry = table[lower];
    if (entry === undefined) {
      out += ch;
      continue;
    }
    let rep = habit.get(lower);
    if (rep === undefined) {
      rep = typeof entry === "string" ? entry : (entry[Math.floor(pick() * entry.length)] as string);
      habit.set(lower, rep);
    }
    out += ch !== lower && rep.length > 0 ? rep[0]?.toUpperCase() + rep.slice(1) : rep;
  }
  return out;
}

export interface Retyped {
  readonly text: string;
  readonly script: "kk_rulet" | "kk_lat" | "ru_lat";
}

/** The mechanical copies of one authored message (none for scripts other than kk_cyr and ru_cyr). */
export function transliterations(text: string, script: string, pick: Pick): Retyped[] {
  if (script === "kk_cyr") {
    return [
      { text: retype(text, KK_TO_RULET, pick), script: "kk_rulet" },
      { text: pick() < 0.5 ? retype(text, KK_TO_LAT2021, pick) : retype(text, KK_TO_ASCII, pick), script: "kk_lat" },
    ];
  }
  if (script === "ru_cyr") return [{ text: retype(text, RU_TO_LAT, pick), script: "ru_lat" }];
  return [];
}
