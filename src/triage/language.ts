/**
 * Language of a message (kk, ru, en, mixed, unknown) from its words: Kazakh-only letters,
 * short lists of frequent words per language (matched on the shared skeleton, so they also
 * cover Kazakh typed with Russian letters and Russian typed in Latin), and word endings.
 */
import type { Word } from "./normalize.js";
import { skeleton, tokenize } from "./normalize.js";
import type { DetectedLanguage } from "./types.js";

function set(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map((w) => skeleton(w)));
}

const KK = set(`
  мен мені маған менің менен менімен сен сені саған сенің біз бізді бізге біздің оны оған оның олар
  жоқ бар емес керек қалай қайда неге қашан қандай кім кімге қанша бұл мына осы сол және ғой ма ме ба бе
  келеді келді кетті кеттім болды болады жатыр жатырмын отырмын тұрмын жүрмін деп дейді деді айтты жазды
  анам әкем ағам апам әжем атам балам баламның ұлым қызым інім досым ата
  үй үйде үйге үйден мектеп мектепте мектепке сабақ сабақта бүгін ертең кеше қазір енді әлі рахмет сәлем
  сәлеметсіз саламатсызба ешкім ешкімге бәрі бәрін барлық көп өте қатты тағы туралы үшін сияқты
  алмаймын білмеймін қорқамын сезінемін жылаймын ойлаймын
`);
const RU = set(`
  я ты он она мы вы они меня мне мной тебя тебе его её ее нас нам их нет и а но или что как где когда почему
  зачем кто это этот эта все всё уже еще ещё очень просто так тоже в на с со у к по за из от до для про о об
  при над под хочу хочет хочется могу может можно нужно надо буду был была было были есть мой моя мое моё мои
  сейчас сегодня завтра вчера дома домой школе школа мама папа отец мать брат сестра дочь сын родители отчим
  спасибо здравствуйте привет пожалуйста помогите больше никто ничего никогда правда опять реально блин
  каждый день постоянно меня себя себе
  понял поняла ладно пока норм нормально ничего сказал сказала говорит говорю тут там щас вообще короче потом снова
  какой какая какое какие ктото чтото кого чего чем тем ему ей им было быть будет нельзя если чтобы потому который
  которая после через сильно много мало день ночь год лет раз класс друг подруга парень девушка мамы папы маме папе
  отца брата сестры уже ещё делать сделать знаю знает думаю думал думала говорят сказали пишет написал написала
  вчера сейчас тоже даже почти всегда иногда нужна нужен кто-то что-то хорошо плохо страшно боюсь больно
`);
const EN = new Set(
  `i me my you your he she it we they him her us them is am are was were be been do does did dont cant wont not
  no yes the a an and or but to of in on at for with from about this that what why how when where who can could
  would should will want wanna need have has had im its get got go going know like just so very really please
  help thanks thank hi hello home school mom dad mum parents friend friends everyone someone nobody feel sad lol
  again always never all some every night today tomorrow now rn`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => skeleton(w)),
);

const RU_ENDING = /(ться|тся|ть|ого|его|ешь|ишь|ают|яют|ует|ает|яет|ые|ая|ий|ый|ую|юю|ой|ие)$/;
const KK_ENDING = /(imin|amin|emin|imdi|imiz|adi|edi|idi|gim|gisi|kim|inder|indar|lari|leri|dari|deri|tari|teri|dagi|degi|nan|nen|dan|den|tan|ten|ip|ap|ep)$/;
const EN_ENDING = /(in|ed|li|tion|nes)$/;
/** Russian endings as they look in a Latin transliteration's skeleton ("ubivaet", "boitsa", "kakogo"). */
const RU_LAT_ENDING = /(tsya|tsa|sya|ogo|ego|aet|ayut|yut|uet|yaet|ysh|yat|nyi|skii|aya|oye|iye|ami|ovat|ivat|yvat|yaet|ila|ala|ulo|ili|yli)$/;

/** Guesses the language of a message; "mixed" when a second language holds at least a fifth of the evidence. */
export function detectLanguage(words: readonly Word[]): DetectedLanguage {
  let kk = 0;
  let ru = 0;
  let en = 0;
  let cyr = 0;
  let lat = 0;
  for (const w of words) {
    const s = w.skel;
    const inKk = KK.has(s);
    const inRu = RU.has(s);
    switch (w.script) {
      case "num":
        break;
      case "kkCyr":
      case "kkLat":
        kk += 1.5;
        break;
      case "cyr":
        cyr++;
        if (inKk && !inRu) kk += 1;
        else if (inRu && !inKk) ru += 1;
        else if (inRu && inKk) break;
        else if (RU_ENDING.test(w.raw)) ru += 0.75;
        else if (s.length >= 5 && KK_ENDING.test(s)) kk += 0.5;
        break;
      case "lat": {
        lat++;
        const inEn = EN.has(s);
        if (inEn && !inKk && !inRu) en += 1;
        else if (inEn) break;
        else if (inKk && !inRu) kk += 1;
        else if (inRu && !inKk && s.length >= 2) ru += 1;
        else if (s.length >= 5 && KK_ENDING.test(s)) kk += 0.5;
        else if (s.length >= 4 && RU_LAT_ENDING.test(s)) ru += 0.5;
        else if (s.length >= 4 && EN_ENDING.test(s)) en += 0.5;
        break;
      }
    }
  }
  const scores: Array<[DetectedLanguage, number]> = [
    ["kk", kk],
    ["ru", ru],
    ["en", en],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [first, second] = scores as [[DetectedLanguage, number], [DetectedLanguage, number]];
  if (first[1] === 0) {
    if (cyr > 0) return "ru";
    if (lat > 0) return "en";
    return "unknown";
  }
  if (second[1] >= 1 && second[1] >= 0.2 * (first[1] + second[1])) return "mixed";
  return first[0];
}

/** Words that ask for a language by name, in the three languages and their scripts («по русски можно?», «қазақша», "in English"). */
const ASKS_FOR: ReadonlyArray<readonly [OfferedLanguage, readonly string[]]> = [
  ["kk", ["қазақша", "казакша", "qazaqsha", "по-казахски", "по казахски", "на казахском", "казахский", "на казахском языке", "in kazakh", "kazakh"]],
  ["ru", ["орысша", "по-русски", "по русски", "на русском", "русский", "на русском языке", "in russian", "russian", "pa russki"]],
  ["en", ["ағылшынша", "english", "in english", "по-английски", "по английски", "на английском", "английский"]],
].map(([lang, phrases]) => [lang as OfferedLanguage, (phrases as string[]).map((p) => ` ${skeleton(p)} `)] as const);

/** A language the bot speaks. */
export type OfferedLanguage = "kk" | "ru" | "en";

/**
 * The language to offer a user who writes in another one than `current`: the one a short
 * message asks for by name, or the one a message of two words or more is written in.
 * Mixed or unknown text, and single words, offer nothing.
 */
export function languageToOffer(text: string, current: OfferedLanguage): OfferedLanguage | undefined {
  const words = tokenize(text);
  if (words.length <= 8) {
    const skel = ` ${words.map((w) => w.skel).join(" ")} `;
    for (const [lang, phrases] of ASKS_FOR) if (phrases.some((p) => skel.includes(p))) return lang === current ? undefined : lang;
  }
  if (words.length < 2) return undefined;
  const detected = detectLanguage(words);
  if (detected === current || detected === "mixed" || detected === "unknown") return undefined;
  return detected;
}
