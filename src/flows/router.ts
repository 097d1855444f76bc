/**
 * Free text outside a flow: which topic does it talk about? Words in Kazakh (Cyrillic,
 * Russian letters or Latin), Russian (Cyrillic or Latin) and English are folded by the
 * triage normalizer, so "буллинг", "bulling" and "буллинг" meet, as do "қорғаншы",
 * "корганшы" and "qorganshy". The crisis check runs before this and wins over it.
 */
import { TOPICS, type Topic } from "../domain.js";
import { skeleton, tokenize } from "../triage/normalize.js";

const WORDS: Readonly<Record<Topic, readonly string[]>> = {
  danger: ["опасно", "опасность", "қауіп", "кауип", "qauip", "danger", "dangerous", "спасите", "құтқарыңдар"],
  violence: [
    "насилие", "насилия", "избивает", "избивают", "бьёт", "бьют", "ударил", "побои", "домашнее насилие",
    "зорлық", "зорлык", "zorlyq", "ұрады", "урады", "urady", "ұрып", "тұрмыстық", "abuse", "abused", "abusive",
    "beats", "beaten", "violence", "violent", "nasilie", "bet menya", "b'yut",
  ],
  bullying: [
    "буллинг", "булинг", "кибербуллинг", "травля", "травят", "дразнят", "обзывают", "издеваются", "унижают",
    "bulling", "buling", "bully", "bullied", "bullying", "cyberbullying", "мазақ", "мазак", "mazaq", "қорлайды",
    "корлайды", "кемсітеді", "кемситеди", "тролл", "шантаж", "шантажирует", "blackmail", "sextortion",
  ],
  feeling_bad: [
    "грустно", "грусть", "тоска", "тревога", "тревожно", "депрессия", "одиноко", "одиночество", "плачу", "паника",
    "стресс", "мұң", "мун", "мұңды", "көңілсіз", "конилсиз", "жалғыз", "жалгыз", "jalgyz", "уайым", "sad", "sadness",
    "anxious", "anxiety", "depressed", "depression", "lonely", "stress", "stressed", "panic", "grustno", "trevoga",
  ],
  family: [
    "развод", "разводятся", "ссоры", "ссорятся", "ругаются", "родители", "семья", "семье", "воспитание",
    "ажырасу", "ажырасып", "ұрсысады", "урсысады", "отбасы", "отбасында", "тәрбие", "divorce", "divorcing",
    "parents", "parenting", "family", "razvod",
  ],
  care: [
    "опека", "опекун", "опекунство", "приёмная", "приемная", "усыновление", "усыновить", "удочерить", "детдом",
    "сирота", "қорғаншы", "корганшы", "qorganshy", "қамқоршы", "асырап", "жетім", "жетим", "guardian",
    "guardianship", "foster", "adopt", "adoption", "orphan", "opeka",
  ],
  special_needs: [
    "инклюзия", "инклюзивное", "пмпк", "аутизм", "аутист", "инвалидность", "дцп", "особенный", "ерекше",
    "мүгедек", "мугедек", "инклюзивті", "autism", "autistic", "disability", "disabled", "inclusive", "special",
  ],
  benefits: [
    "пособие", "пособия", "нацфонд", "выплата", "выплаты", "декретные", "жәрдемақы", "жардемакы", "ұлттық қор",
    "енпф", "enpf", "төлем", "benefit", "benefits", "allowance", "savings", "posobie",
  ],
  rights: [
    "права", "право", "омбудсмен", "уполномоченный", "жалоба", "пожаловаться", "құқық", "құқығым", "кукык",
    "шағым", "шагым", "уәкіл", "rights", "complaint", "complain", "ombudsman", "convention", "konvenciya",
  ],
};

/** A phrase of a topic's words, folded once at load: a word matches a stem it starts with (stems of 4+ letters) or equals. */
interface Phrase {
  topic: Topic;
  stems: string[];
}

function wordMatches(word: string, stem: string): boolean {
  return stem.length >= 4 ? word.startsWith(stem.slice(0, Math.max(4, stem.length - 2))) : word === stem;
}

/** Phrases by what their first word must look like: its first four letters, or the whole short word. */
const BY_FIRST = new Map<string, Phrase[]>();
for (const topic of TOPICS) {
  for (const text of WORDS[topic]) {
    const stems = skeleton(text).split(" ").filter(Boolean);
    if (stems.length === 0) continue;
    const first = stems[0]!;
    const key = first.length >= 4 ? first.slice(0, 4) : `=${first}`;
    BY_FIRST.set(key, [...(BY_FIRST.get(key) ?? []), { topic, stems }]);
  }
}

/** The topic the text talks about most, or undefined. Pure and fast (a lookup per word). */
export function routeTopic(text: string): Topic | undefined {
  const words = tokenize(text.slice(0, 2_000)).map((w) => w.skel);
  const found = new Set<Phrase>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    for (const candidates of [BY_FIRST.get(word.slice(0, 4)), BY_FIRST.get(`=${word}`)]) {
      for (const phrase of candidates ?? []) {
        if (found.has(phrase) || i + phrase.stems.length > words.length) continue;
        if (phrase.stems.every((stem, j) => wordMatches(words[i + j]!, stem))) found.add(phrase);
      }
    }
  }
  // Each phrase counts once, by its length; a tie goes to the topic first in menu order.
  const score = new Map<Topic, number>();
  for (const phrase of found) score.set(phrase.topic, (score.get(phrase.topic) ?? 0) + phrase.stems.length);
  let best: Topic | undefined;
  let bestScore = 0;
  for (const topic of TOPICS) {
    const s = score.get(topic) ?? 0;
    if (s > bestScore) {
      best = topic;
      bestScore = s;
    }
  }
  return best;
}
