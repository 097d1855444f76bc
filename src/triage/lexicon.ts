/**
 * The crisis lexicon: concepts (word stems in every script) and the rules built from them.
 * Everything here is plain data, written in the script a native speaker would use; the
 * compiler in ./engine.ts folds it with the same normaliser as the messages, so one stem
 * "өлгім" covers "олгим", "ölgim" and "olgim".
 *
 * Stem syntax (inside a concept or an inline alternative, separated by "|"):
 *   word   prefix of a token ("убива" matches "убивает")
 *   word=  the whole token
 *   -end   suffix of a token
 *   word!  prefix, but not when a Kazakh negative suffix (-ма/-ме/-ба/-бе/-па/-пе) follows the stem
 *   ^word  never this exact token (an exception to the other stems of the concept)
 * Pattern syntax (a rule's `any` / `all` entries):
 *   elements separated by spaces; an element is @CONCEPT, an inline alternative "a|b|c",
 *   or several joined by "/" (union: "@ME/@VICTIM"); "~N" allows up to N other words before
 *   the next element ("~" alone = 3); a pattern starting "bagN:" needs all its elements, in
 *   any order, within N consecutive words; " || " separates alternatives inside one entry.
 */
import type { RiskCategory } from "./types.js";

/** A grading rule: fires when any `any` pattern matches, or when every `all` entry does. */
export interface RuleDef {
  readonly id: string;
  readonly cat: RiskCategory;
  readonly level: "emergency" | "high" | "moderate";
  readonly any?: readonly string[];
  readonly all?: readonly string[];
  /** Violence happening now: raised to emergency (and violence_now) by NOW or HELP markers. */
  readonly now?: boolean;
  /** Ideation: lowered from emergency to high by SOMETIMES markers ("кейде", "иногда"). */
  readonly soft?: boolean;
  /** The word right after the match must not be one of these (e.g. "не хочу жить *с папой*"). */
  readonly notNext?: string;
  /** Categories this rule makes redundant when it fires (e.g. domestic violence over physical abuse). */
  readonly supersedes?: readonly RiskCategory[];
}

/**
 * A guard: an idiom whose words are taken out of play before the rules run. A fixed idiom
 * ("умираю со смеху", "cut myself shaving") applies to every rule; a `context` guard (a game,
 * a dead phone, "this homework is killing me") is only circumstantial, so it softens moderate
 * rules but never hides an emergency or high rule: a child may mention a game and a real
 * crisis in one message.
 */
export interface GuardDef {
  readonly id: string;
  readonly context?: boolean;
  readonly any: readonly string[];
}


// ---- Latin spellings of Cyrillic stems ----------------------------------------------------
// Russian typed in Latin letters writes "й/я/ю/ё" with "j" ("ujti", "menja", "sebja", "ljublju")
// and "ц" as "c" ("konec", "otec"), and "ё" as plain "e" ("idet"). The normaliser folds "ia/ya"
// but leaves "j" as "ж" and "c" as it is, so each Russian stem also gets these spellings here.

const KAZAKH_ONLY = /[әғқңөұүһі]/;
const J_SPELLING: Readonly<Record<string, string>> = { я: "ja", ю: "ju", ё: "jo", й: "j", ц: "c" };
/** Russian letters in Latin (the variant is written all in Latin: a Latin "c" inside a Cyrillic word would be read as "с"). */
const RU_LATIN: Readonly<Record<string, string>> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ж: "zh", з: "z", и: "i", к: "k", л: "l", м: "m", н: "n", о: "o",
  п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "h", ч: "ch", ш: "sh", щ: "sh", ъ: "", ы: "y", ь: "", э: "e",
};

/** The Latin "j"/"c" spelling and the "е for ё" spelling of one Russian stem, markers kept. */
function latinSpellings(stem: string): string[] {
  const m = /^(\^?-?)(.*?)([=!]?)$/.exec(stem.trim());
  if (m === null) return [];
  const [, pre, body, post] = m as unknown as [string, string, string, string];
  if (!/[яюёйц]/.test(body) || KAZAKH_ONLY.test(body) || !/^[а-яё]+$/.test(body)) return [];
  const out: string[] = [];
  let lat = "";
  for (const ch of body) lat += J_SPELLING[ch] ?? RU_LATIN[ch] ?? ch;
  out.push(pre + lat + post);
  if (/ть?ся$/.test(body)) {
    let stemLat = "";
    for (const ch of body.replace(/ть?ся$/, "")) stemLat += J_SPELLING[ch] ?? RU_LATIN[ch] ?? ch;
    out.push(pre + stemLat + "tsa" + post);
  }
  if (body.includes("ё") && (post === "=" || body.length >= 5)) out.push(pre + body.replace(/ё/g, "е") + post);
  return out;
}

/** A "|" list of stems with the Latin spellings of its Russian stems added. */
function withSpellings(stems: string): string {
  const parts = stems.split("|");
  const extra: string[] = [];
  for (const p of parts) for (const v of latinSpellings(p)) if (!parts.includes(v) && !extra.includes(v)) extra.push(v);
  return extra.length === 0 ? stems : [...parts, ...extra].join("|");
}

/** A pattern entry with the Latin spellings added to each inline alternative (concepts are left alone). */
function patternSpellings(entry: string): string {
  return entry
    .split(" || ")
    .map((pat) =>
      pat
        .split(" ")
        .map((el) => {
          const bag = /^bag\d+:$/.test(el);
          if (bag || el.startsWith("~") || el.length === 0) return el;
          return el
            .split("/")
            .map((part) => (part.startsWith("@") ? part : withSpellings(part)))
            .join("/");
        })
        .join(" "),
    )
    .join(" || ");
}

function conceptSpellings(c: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c)) out[k] = withSpellings(v);
  return out;
}

function ruleSpellings(rules: readonly RuleDef[]): RuleDef[] {
  return rules.map((r) => ({
    ...r,
    ...(r.any === undefined ? {} : { any: r.any.map(patternSpellings) }),
    ...(r.all === undefined ? {} : { all: r.all.map(patternSpellings) }),
    ...(r.notNext === undefined ? {} : { notNext: patternSpellings(r.notNext) }),
  }));
}

function guardSpellings(guards: readonly GuardDef[]): GuardDef[] {
  return guards.map((g) => ({ ...g, any: g.any.map(patternSpellings) }));
}

export const CONCEPTS: Readonly<Record<string, string>> = conceptSpellings({
  // ---- grammar markers -------------------------------------------------------------
  NEG: "не=|not=|dont=|doesnt=|didnt=|never=|wont=|wouldnt=|isnt=|никогда=|ни=|nikogda=|donot=",
  INTENS: "really=|realy=|actually=|even=|just=|rly=|просто=|правда=|реально=|вообще=|совсем=|уже=",
  NOW: "now=|rn=|currently=|сейчас=|щас=|счас=|сичас=|sejchas=|сейчяс=|қазір=|қазыр=|казыр=",
  HELP:
    "help=|helpme=|halp=|helpp=|помогите=|помоги=|памагите=|спасите=|спаси=|sos=|сос=|көмектес|көмек=|жәрдем|құтқар|помощь=|помощи=|" +
    "pomosh=|pomoshi=|pomosch=",
  /** Words a bare cry for help is made of ("помогите!!!", "help me please", "көмектесіңдерші"): with a HELP word and nothing else, it is a cry. */
  BARE:
    "help=|helpme=|halp=|helpp=|sos=|сос=|помогите=|помоги=|памагите=|спасите=|спаси=|көмектес|көмек=|жәрдем|құтқар|помощь=|помощи=|" +
    "pomosh=|pomoshi=|pomosch=|керек=|беріңдер|беріңіз|берші=|беріңізші|please=|pls=|plz=|pleas=|пожалуйста=|пж=|плиз=|пожалуста=|" +
    "срочно=|urgent=|шұғыл=|me=|мне=|маған=|мені=|меня=|someone=|somebody=|anyone=|кто=|нибудь=|ктонибудь=|біреу=|" +
    "біреулер=|кім=|кимде=|бар=|ма=|ме=|i=|need=|нужна=|нужно=|надо=|бірдеңе=|тез=|тезірек=|тезз=|быстрее=|скорее=|очень=|" +
    "өтінемін=|өтінем=|өтініш=|ради=|бога=|аллах=|құдай=|үшін=|answer=|ответьте=|ответь=|жауап=|бот=|bot=|now=|сейчас=|қазір=|" +
    "апатай=|апай=|ағай=|прям=|щас=|pozhalujsta=|pozhaluista=|" +
    // fear and danger said with the cry ("қорқып тұрмын көмектесіңдер", "I'm scared help", "я в опасности помогите")
    "страшно=|боюсь=|scared=|afraid=|қорқамын=|қорқып=|тұрмын=|жатырмын=|im=|мен=|я=|опасности=|danger=|қауіпте=|в=|in=|am=",
  SOMETIMES: "sometimes=|occasionally=|иногда=|бывает=|кейде=|keide=|keyde=|inogda=|раньше=|бұрын=|used=",

  /** A fiction, media, news or essay frame: a crisis rule under it needs the model's agreement. */
  FRAME:
    "film=|films=|movie|series=|book=|novel|lyrics|anime|manga|character|characters|episode|season=|news=|article|essay|" +
    "research|statistics|presentation|fiction|plot=|protagonist|villain|chapter|netflix|trailer|" +
    "фильм|кино=|кинцо|сериал|книг|книжк|роман=|романе|рассказ=|рассказе|повест|песн|аниме|манга=|мангу=|мангой=|персонаж|героиня|героини|героиню|героиней|герой=|героя=|герою=|героем=|серии=|серия=|" +
    "сезон|новост|статья|статью|статье=|статьи=|эссе=|эссеге|эссені|эссемді|сочинени|реферат|доклад|исследовани|статистик|презентаци|сюжет|главе|глава=|" +
    "кітап=|кітапта=|кітаптар=|кітаптарды=|кітаптарда=|кітаптан=|мультфильм|multfilm|кітаптың|кітабы|кітабында|фильмде|фильмі|фильмнің|кинода|сериалда|әнде|трек|әуен|кейіпкер|хоррор|horror|жаңалық|мақала|шығарма=|шығарманы|шығармада|шығармасы=|шығармасында|шығармалар|баяндама|зерттеу|сюжеті|тарау|" +
    // prevention, signs, the law: talking about a subject, not living it
    "prevention|warnin|signs=|resources|guides=|guide=|symptoms|law=|laws=|legal|article|procedure|профилактик|признак|признаки|симптом|закон=|закона=|законы=|законе=|законом=|законов|законод|законный=|законная=|законно=|законного=|законные=|законных=|законное=|законную=|законным=|незаконн|статья|порядок=|" +
    "обязан|обязанность|алгоритм|белгілері|белгісі=|профилактикасы|заң=|заңы=|заңын|заны=|заңда|заңмен|міндет|" +
    // a hypothetical question, a famous tragedy read at school
    "теоретическ|theoretical|гипотетич|hypothetic|теориялық|ромео|romeo|джульетт|juliet",
  /** A joke said as one: a frame too, unless it is denied ("not joking", "не шучу", "әзіл емес"). */
  JOKE: "joking|jk=|kiding|шучу|шутка|шутим|шутя|прикол|әзіл|әзілдеп",
  JOKE_DENIED: "емес=|жоқ=|emes=|zhok=",

  // ---- suicide and self-harm --------------------------------------------------------
  WANT_DIE:
    "want|wanna=|wana=|wish|ready=|decided|хочу=|хочет=|хочется|хочеться|хотела|хотел=|хотелось|хачу=|хочю=|" +
    "охота=|мечтаю=|готова=|готов=|решила|решил=|решено=",
  DIE_INF:
    "die=|умереть|умерет|умерть|умирать|умиреть|умереь|умреть|сдохнуть|сдохн|подохнуть|помереть|помирать|сдохнуть|" +
    "издохнуть|отравиться",
  LIVE: "жить=|жыть=|live=|alive=|exist=|livin=",
  NOT_LIVE_NEXT: "с=|со=|в=|во=|у=|тут=|там=|здесь=|дома=|with=|in=|here=|there=|at=|без=|near=|next=",
  KILL:
    "yeet=|kill=|kils=|kiled=|kilin=|kil=|unalive|убить=|убью=|убю=|убила=|убил=|убиваю=|убивать=|убьюсь=|убиться=|убится=|" +
    "өлтір!|^өлтіру=|^өлтірген=",
  SELF:
    "myself=|mself=|meself=|herself=|himself=|themselves=|themself=|себя=|себе=|собой=|сабой=|сибя=|" +
    "өзімді|өзіме=|өзім=|өзін|өзіңді",
  SELF_DAT: "өзіме=|өзіне=|өзіңе=|өзімізге=",
  HANG_EN: "hang=|hangin=|hanged=",
  HANG_SELF:
    "повешусь=|повеситься|повесится=|повесилась=|повесился=|вешаться=|вешаюсь=|асылып|асыламын|асылам=|асылғым|асылғысы|" +
    "асылайын|асылмақ|асылдым|^ашылыпты|^ашылып|^ашылды",
  JUMP: "jump=|jumpin=|jumps=|прыгн|спрыгн|выпрыгн|сброшусь|сбросится|сброситься|брошусь=|броситься|секір!",
  HEIGHT:
    "bridge|roof|rooftop|window|balcony|ledge|building|крыш|окн|мост=|моста=|мосту=|балкон|этаж|многоэтаж|терезе|" +
    "көпір|шатыр|қабат|биік",
  CUT:
    "cut=|cuts=|cutin=|slit=|slited=|slash|carve|carvin|режу=|резать=|резала=|резал=|порезала|порезал=|порезать|вскрыла|вскрыл=|" +
    "вскрою|вскрыть|вскрываю|режусь=|резанула|кестім|кесіп|кесемін|кесем=|кескім|тіліп|тілдім|тілемін|тілгім|тілем=|^кетемін|^кетеміз|^кетесің",
  BODY:
    "сандарым|sandarym|wrist|arm=|arms=|leg=|legs=|thigh|skin=|vein|вены=|вену=|вен=|руки=|руку=|рука=|запяст|ноги=|ногу=|бедр|кожу=|" +
    "себе=|себя=|myself=|herself=|himself=|білег|білек|қолым|қолын|тамыр|аяғым|саным|денем|өзімді|өзім=",
  SELF_HARM_WORD: "selfharm|селфхарм|самоповрежд|самоповреж",
  SUICIDE_WORD: "suicid|суицид|самоубийств|самоубийц|суецид|суицыд|suecid",
  THINK: "think|thinkin|thought|думаю=|думала|думал=|думать=|мысли=|мысль|мыслей|ойлаймын|ойлаймын|ойлап|ойланамын|ойым=",
  DEATH: "death=|dyin=|diin=|dying=|suicid|смерти=|смерть=|суицид|самоубийств|умереть|умерет|өлім|өлу=|өлгім|өлуді|kilin=",
  OLGIM: "өлгім|өлгісі|өлгіміз|өлгің=",
  KEL: "келеді|келед|келіп|келет|келді=|келе=|келедi|келип|kelyp|келуде",
  KELME: "келмей|келмеи|kelmey",
  OLSEM: "өлсем=|өлсемші|өлсемғой",
  GOI: "ғой=|гой=|екен=|жақсы|болар=|болды=|деп=",
  OMIR: "өмір=|omir=",
  OMIRDEN: "өмірден",
  SURGIM: "сүргім|сүргісі|сүргім",
  KETKIM: "кеткім|кеткісі|кетемін|кетем=|кетейін|кетсем",
  QOL: "қол=",
  SAL: "жұмсаймын|жұмсағым|жұмсағысы|жұмсамақ|жұмсадым|жұмсайын|салғым|салам=|саламын|салмақ|салды=|салдым|салып|салу=|салайын|салғысы|салмақшы|салатын",
  PILL:
    "анальгин|analgin|цитрамон|citramon|аспирин|aspirin|димедрол|dimedrol|pil=|pils=|syrup|insulin|инсулин|сироп|pilz=|tablet|tablets|meds=|medicine|medication|painkiler|paracetamol|ibuprofen|antidepres|" +
    "таблет|лекарств|аптечк|колёс|колес=|снотворн|препарат|феназепам|парацетамол|антидепрес|дәрі=|дәріні|дәрілер|дәрінің|дәріден",
  INGEST:
    "took=|taken=|swalowed|swalow|ate=|drank=|overdosed|od=|выпил|выпью|выпила|съел=|съела|съем=|проглотил|проглот|наглот|" +
    "принял=|приняла|приму=|ішіп|іштім|ішкен|ішемін|ішем=|ішті=|ішіпті|жұттым|жұтып|жұтам",
  INGEST_STRONG:
    "swalowed|swalow|overdosed|overdose|od=|наглот|передоз|отравил|отравиться|жұттым|жұтып|жұтам|уландым|уланғым|уланамын|уланып",
  QTY:
    "қап=|кап=|kap=|qap=|болғанын|болганын|bolganyn|whole=|botle|pack=|packet|box=|lot=|lots=|many=|much=|bunch|handful|dozen|entire|пачк|упаковк|все=|всю=|всё=|много=|" +
    "кучу=|горсть|целую|целая|штук|көп=|барлық|бәрін|бәрі=|қорап|толық|уыс=|#NUM5",
  INGEST_FUT: "take=|takin=|swalow|drink=|выпить|выпью|съесть|съем=|приму=|проглочу|ішемін|ішем=|ішкім|жұтамын|жұтам=",
  QTY_ALL: "al=|whole=|entire|botle|pack=|все=|всю=|всё=|целую|пачку|упаковку|барлық|бәрін|бәрі=|қорап|#NUM5",
  FAREWELL: "goodbye|gudbai|прощайте|прощай=|прощаюсь|прощайте=|қоштасамын|қоштасам|қоштасу|прощания|проститься",
  ROPE: "веревк|верёвк|петлю=|петля=|петлю|rope=|арқан|тұзақ|арканды",
  PLAN: "сделаю|готова=|готов=|купила|купил=|приготовил|есть=|have=|plan|дайын|дайындадым|алдым=|bought",


  // ---- added for indirect intent, goodbyes, euphemisms, situations without an act verb ----
  BURDEN: "burden|обуза|обузой|обузы|масыл=|масылмын|ауыртпалық|жүкпін|кедергімін",
  NOBODY: "nobody|noone|никто=|ешкім=|ешкім|ешкімнің",
  CRY_MISS: "cry=|care=|notice|miss=|заплачет|заметит|заплачут|скучать|вспомнит|жыламайды|жыламас|байқамайды|сағынбайды|іздемейді",
  FORGIVE: "forgive|ғафу|гафу|gafu|прости=|простите|простить|кешір|кешіріңдер|кешіріңіз|кешірші",
  THANKS_ALL: "спасибо=|thank=|thanks=|рахмет|рақмет|благодарю=",
  STAND_ON: "stand|standin|standing|on=|at=|стою=|сижу=|стою|на=|үстінде|шетінде|басында|тұрмын|отырмын|тұр=|тұрмын=",
  STASH: "жасырып|jasyryp|zhasyryp|жасырдым|jasyrdym|hidden|hid=|hidin|stash=|stashed|тыққан|saved|savin|stockpil|hoard|colect|накопил|коплю|копила|собрала|собрал=|спрятала|жинадым|жинап|жинаймын|тығып",
  BLADE: "blade|blades|razor|razors|лезви|бритв|лезвие|жүз=|ұстара|ұстараның",
  BUY: "bought|buy=|купила|купил=|куплю|алдым=|сатып",
  TRACKS: "railway|tracks|train=|trains=|рельс|поезд|электричк|теміржол|пойыз|поезд",
  DRUNK: "drunk|пьяный|пьяная|пьян|бухой|бухой=|выпивший|мас=|масқа|масайып",
  HIDE: "hidin|hide=|hidden|прячемся|спрятались|заперлись|закрылись|тығылып|тығылдық|жасырынып|жабылып",
  LOCK: "locked|lock=|locks|заперли|запер=|запирает|закрыли|закрыл=|закрывает|запирают|қамап|қамады|қамайды|құлыптап|құлыптады",
  ABDUCT: "kidnap|abduct|похитил|похитили|похищ|затащил|затащили",
  CAR: "car=|van=|машин|машину|көлік|көлікке|көлікте",
  FORCED_IN: "pulled|dragged|затащил|затащили|затолкал|сүйреп|күштеп",
  MEET: "meet|meetup|встретиться|встретимся|встречу|увидеться|кездес|кездесейік|кездесуге|жолығ",
  GIFT: "robux|vbucks|bucks|uc=|donat|донат|gift|gifts|подар|сыйлық|skin=|skins=|скин|голд|gold=|алмаз|diamond",
  GROWN: "adult|grown|stranger|незнаком|бейтаныс|взросл|мужик|дядька|мужчина|ересек|тренер|coach",
  ROOM_NIGHT: "room|bed=|бөлмеме|бөлмеге|төсегіме|комнату|комнате|кровать|постель",
  COMES_IN: "comes|came|приходит|заходит|зашел|зашёл|лезет|ложится|кіреді|кіріп|келеді",
  BELIEVE_ME: "believe=|believes=|поверит|поверят|сенбейді|сенбейтін|сенбейсің",
  GRAB: "grabs|grabed|grabin=|grab=|хватает|схватил|лапает|ұстайды|ұстап",

  // ---- violence -------------------------------------------------------------------
  BEAT:
    "chok|strangl|abuse=|abuses=|abusin=|abused=|batter|" +
    "бьет=|бьёт=|бьют=|бъет=|биет=|бьйот=|бить=|избил|избив|избива|ударил|ударяет|ударила|ударят|ударяют|лупит|лупил|" +
    "лупят|колотит|колотил|душит=|душил|пинает|пинал|порет=|порол|пороть|хлещет|" +
    "ұрады=|ұрды=|ұрып|ұратын|ұрған|ұрамын=|ұрасың=|соғады=|соқты=|соғып|сабайды|сабады|сабап|сабаған|тепкіледі|" +
    "тепкілеп|тебеді|тепті=|буындыр|тұншықтыр|ұрғылайды|ұрғылап",
  /** English verbs that are also sport and play words: they count only next to a victim. */
  /** "бил/била/били" are also the Latin skeletons of "был/была/были": only right before a victim. */
  BEAT_PAST: "бил=|била=|били=",
  BEAT_EN:
    "beat=|beats=|beatin=|beaten=|hit=|hits=|hitin=|punch=|punches=|punchin=|punched=|kick=|kicks=|kickin=|kicked=|" +
    "slap|whip=|whips=|whiped=|whipin=|chok|strangl|abuse=|abuses=|abusin=|abused=|batter|hurts=|hurtin=",
  BEAT_ING: "beatin=|hitin=|punchin=|kickin=|chokin=|stranglin=|slapin=|hurtin=|whipin=|abusin=",
  BEAT_IP: "ұрып|соғып|сабап|тепкілеп|буындырып|тұншықтырып|ұрғылап",
  PROG_EN: "is=|are=|hes=|shes=|theyre=|s=|keeps=|keep=",
  ME: "me=|us=|меня=|мене=|нас=|мені=|бізді=|бәрімізді|бәрімізге|менi=|мя=",
  ME_DAT: "маған=|мага=|бізге=|мне=",
  AGENT:
    "dad=|daddy=|father|stepdad|stepfather|mom=|mum=|mother|stepmom|stepmother|uncle|brother|husband|boyfriend|bf=|" +
    "grandpa|grandfather|grandma|grandmother|aunt=|cousin|parents|teacher|coach|neighbor|neighbour|man=|guy=|someone|somebody|" +
    "папа=|папка=|отец=|отчим|мама=|мать=|мачеха|брат=|братан|дядя=|муж=|мужа=|сожитель|парень=|дедушка|дед=|бабушка|родители|" +
    "тётя|тетя=|учитель|тренер|сосед|мужчина|ктото=|" +
    "әкем|әке=|әкей|әкесі|өгей|анам=|анасы=|шешем=|ағам=|ағасы=|көкем|күйеуім|күйеуі|атам=|әжем=|нағашы|жездем|ағай=|мұғалім|" +
    "көрші|біреу=|апам=|папам=|мамам=|отчимым=",
  HUSBAND: "husband|boyfriend|bf=|муж=|мужа=|сожитель|күйеуім|күйеуі=|күйеу=|жарым=",
  VICTIM_CHILD:
    "sister|brother|son=|daughter|kid=|kids=|child|children|baby|friend|girlfriend|" +
    "сестру=|сестренку|братика|брата=|сына=|дочь=|дочку=|ребенка=|ребёнка=|детей=|подругу=|друга=|малыша=|" +
    "баламды|балаларды|балаларымды|ұлымды|қызымды|інімді|қарындасымды|сіңлімді|әпкемді|досымды|бауырымды",
  VICTIM_PARENT: "mom=|mum=|mother=|mommy=|mama=|wife=|маму=|мамку=|мамочку=|мать=|жену=|анамды|шешемді|әйелін|әйелімді|мамамды",
  VICTIM_PARENT_ACC: "маму=|мамку=|мамочку=|жену=|анамды|шешемді|әйелін|әйелімді|мамамды",
  WEAPON: "knife|gun=|нож=|ножом|ножи=|пистолет|топор|пышақ|мылтық|балта=|балтамен",
  CHASE: "chasin|chases|threatens|гоняется|кидается|размахивает|угрожа|қуып|қуалап|сермеп",

  // ---- sexual abuse ----------------------------------------------------------------
  RAPE:
    "rape=|raped=|rapin=|rapist|molest|изнасил|насилу|насилов|зорлад|зорлау|зорлап|зорлаған|зорлайды|зорламақ|зорлағысы",
  TOUCH:
    "touch=|touches=|touched=|touchin=|трогает|трогал|трогать|потрогал|дотрон|дотраг|лапает|лапал|щупает|щупал|пристает|" +
    "пристаёт|приставал|тигізеді|тигізді|тигізіп|" +
    "тиіседі|тиісіп|тиісетін|тиісе=|сипалай",
  SECRET: "secret|секрет|тайн|никому=|ешкімге=|никому|айтпа=|айтпа",
  HUSH: "secret|секрет|тайн|никому=|ешкімге=|айтпа|құпия",
  UNDRESS: "шешкіз|шешкиз|sheshkiz|шештір|шештир|sheshtir|раздева|разде|шешін|шешіндір",
  FORCE: "makes=|made=|forces|forced|заставля|заставил|мәжбүрле|мәжбүр",

  // ---- threats and sextortion --------------------------------------------------------
  PHOTO:
    "кружоч|kruzhoch|камера|kamera|camera|screenshot|screenshots|selfie|photo|pic=|pics=|picture|nudes=|nude=|video|vid=|vids=|фото|фотк|фотограф|снимк|видео|видос|скрин|фоток|сурет|видеом",
  NUDE: "nude|nudes|naked|intimate|sexy|голы|голая|голую|голые|обнаж|интим|эротич|ню=|жалаңаш|жыныстық",
  LEAK:
    "post=|posts=|share|send=|sends=|leak|publish|spread|expose|upload|выложу|выложат|выложит|выложить|опубликую|опубликует|" +
    "разошлю|разошлет|отправлю|отправит|отправят|перешлю|покажу|покажет|расскажу|расскажет|скину=|скинет|солью|сольёт|сольют|" +
    "слить=|тарат|жариял|саламын|салады=|жіберемін|жібереді|көрсетемін|көрсетеді|барлығына|бәріне|всем=|everyone",
  DEMAND:
    "wants=|want=|unles|demand|asks|askin|pay=|money|unless|иначе|требует|требуют|требовал|скинь=|пришли=|заплати|заплачу|деньги|денег|" +
    "ақша|талап|бермесең|жібермесең|жібер=|сал=",
  THREAT: "threat|threaten|blackmail|угрожа|угроз|шантаж|қорқыт|қоқан|запугива|пугает|пугают|^қорықтым|^қорықты|^қорықтық|^қорыққан|^қорыққанмын",
  KILL_OTHER:
    "^өлтіресің|^өлтіресіз|kill=|kil=|murder|stab|shoot|убью=|убьет=|убьёт=|убьют=|убить=|зарежу|зарежет|зарезать|пристрелю|пристрелит|застрелю|" +
    "прибью=|прибьет|прибьёт|өлтір!|сойып|пышақтаймын|пышақтап",
  STAB: "stab|shoot|зарез|пристрел|застрел|пырну|пышақта|сойып|сою=",
  SAID: "said|says|told|threatened|сказал|сказала|говорит|говорил|обещал|пишет|написал|деді|дейді|айтты|жазды|wrote|texted",

  // ---- runaway / nowhere safe ------------------------------------------------------
  NOWHERE_WORD: "homeles|бездомн|баспанасыз",

  // ---- bullying ----------------------------------------------------------------------
  BULLY:
    "bully|bulied|bulies|bulyin|cyberbul|teasin|tease=|teases|teased|mock=|mocks|mockin|mocked|humiliat|harass|rumor|rumour|" +
    "травят|травля|травлю|травили|травит=|затравили|буллинг|буллят|булят|булинг|буллили|дразнят|дразнит|дразнили|обзывают|" +
    "обзывает|обзывали|обзывался|издеваются|издевается|издевались|унижают|унижает|унижали|гнобят|чморят|прессуют|гадости|" +
    "оскорбля|бойкот|игнорят|кибербуллинг|троллят|" +
    "мазақ|келеке|қорлайды|қорлады|қорлау|қорлап|кемсіт|буллинг|жақтырмайды|әжуа|мысқыл|ұялтады",

  // ---- distress ------------------------------------------------------------------------
  DISTRESS:
    "sad=|sadnes|depresed|depresion|depression|lonely|lonelines|anxious|anxiety|panic|worthles|hopeles|empty=|cry=|cryin|" +
    "cried|stresed|overwhelmed|miserable|unhappy|scared=|afraid=|terified|grief|" +
    "грустно|грусть|грущу|тоска|тоскливо|депресс|одиноко|одинок|одиночеств|тревог|тревож|паник|плачу=|плачет|плакать|" +
    "реву=|слезы|страшно|боюсь|переживаю|стресс|выгорани|апатия|" +
    "мұңай|мұңаям|мұңаю|мұңайып|мұңды|жалғызбын|жалғыздық|уайым|мазасыз|депресс|стресс|жылаймын|жылай=|жылап|жылағым|қорқамын|жүйкем|қиналамын|" +
    "қиналып",

  // ---- family conflict -----------------------------------------------------------------
  DIVORCE: "divorc|separat|развод|развелись|ажырас",
  PARENTS:
    "parents|mom=|dad=|mum=|родители|мама=|папа=|родаки|предки|анам=|әкем=|ата=",
  QUARREL:
    "fight=|fights=|fightin|argue|argues|arguin|yel=|yels=|yelin|scream|shout|ругаются|ругаемся|ругается|ссорятся|ссоримся|" +
    "ссорится|кричат|кричит|орут=|орёт=|орет=|скандал|ұрсысады|ұрсыс|ұрысады|ұрысамыз|ұрысып|жанжал|айқай",

  // ---- grooming: gifts in games, secrecy, age questions, moving to a private app --------
  /** Game currency and gifts a stranger uses to buy trust (robux, UC, gems, skins, donations). */
  G_GIFT_GAME:
    "robux|робукс|robuks|vbucks|вбакс|bucks=|baksy|uc=|юси|алмазы=|алмазов|алмаздар|diamonds|гемы|гемов|гемами|гемы=|гем=|gems=|" +
    "голд|golda|goldu|gold=|скин=|скины|скинов|скинами|скиндер|skin=|skins=|skiny|донат|donat|nitro|нитро|welkin|giftcard|" +
    "привилеги|privilegi|brawlpas",
  /** Gifts and the verbs of giving them, in any script. */
  G_GIFT:
    "gift|gifts|present=|presents|buys|bought|подар|дарит|дарил|daril|darit|сыйлық|сыйлады|сыйлап|сыйлайды|сыйлайтын|syilyq|syilady|" +
    "айфон|iphone|aifon|наушник|әпереді|әперді|әперіп|деньги|ақша",
  G_SECRET:
    "жасырын|jasyryn|zhasyryn|jasyrun|тайно|taino|tajno|secretly|secret|secrets|секрет|sekret|тайна|тайну|никому=|ешкімге=|ешкимге=|айтпа=|айтпашы|айтпаңыз|айтпаңдар|құпия|құпиямыз|арамызда|" +
    "білмесін|бiлмесiн|көрсетпе=|көрсетпеші",
  /** Flattery groomers use: special, mature for your age, beautiful. */
  G_FLATTER:
    "сұлу=|сулу=|sulu=|модель=|model=|модельмен|special=|mature|favorite|favourite|особенная|особенный|особенной|зрелая|зрелый|взрослее|ерекшесің|ерекшесин|әдемісің|" +
    "сұлусың|сулусын|красивая|красивой|модельн|любимиц|қалыңдығым|невестой|невеста=|eseiip|есейіп",
  G_NIGHT: "night|nights|ночью|ночам|ночами|nochyu|түнде|тунде|tunde",
  G_APP:
    "telegram|телеграм|телегу|телеге|телега=|тг=|tg=|вотсап|ватсап|whatsapp|watsap|snap|снэп|снап|снеп|snapchat|дискорд|discord|" +
    "приложени|app=|личку|лс=|лчку|директ|жеке|jeke|skype|скайп|инсту|insta=",
  G_MOVE:
    "move|switch|перейти|перейдем|перейдём|перейди|переходи|перейдем=|pereiti|pereidem|давай=|davai=|зовет|зовёт|зовут|" +
    "көшейік|көшу|көшуге|көш=|көшік|koshiik|өтейік|өтейк|өтуге|ауыс|ауысу|ауысайық|ауысуға|продолжим|add=|добавь",
  G_ASK:
    "жібергін|жибергин|jibergin|zhibergin|ask|asks|asked|askin|wants|wanted|просит|попросил|просил|просят|prosit|poprosil|требует|хочет|сұрайды|сұрады|сұрап|сұраған|" +
    "жібер=|жіберші|жіберсең|send=|sends=|скинь|скинуть|пришли|прислать|prislat|отправь",
  G_INVITE:
    "приходи|prihodi|приезжай|priezzhai|priezjai|келші|kelshi|зовет|зовёт|zovet|позвал|приглашает|пригласил|шақыр|invite|invited|приеду|приехать|meet|meetup|встретиться|встретимся|" +
    "встречу|увидеться|кездес|жолығ",
  G_ADULT:
    "аға=|adult|grown|older|stranger|man=|guy=|незнаком|взросл|vzrosl|мужик|muzhik|мужчина|дядя|дядька|дяденька|djadja|dyadya|чел=|тип=|" +
    "ағай|агай|agai|кісі|киси|kisi|адам=|жігіт|жигит|zhigit|ересек|бейтаныс|тренер|trener|coach|учитель|teacher|tutor|репетитор|" +
    "админ|блогер|фотограф|продюсер",
  SWIMSUIT:
    "пижам|pizham|pijam|pajama|pyjama|купальник|kupalnik|kupalnike|белье|бельё|нижнем|swimsuit|bikini|underwear|uniform|душа=|shower|bath=|ванной|кофты|футболки|" +
    "futbolki|одежды|odejdi|киімсіз|шешініп",

  // ---- confinement -------------------------------------------------------------------------
  CONFINE:
    "қамап|қамады|қамайды|қамаған|камап|qamap|құлыптап|құлыптады|құлыптаған|кулыптап|кілттеп|кілттеді|" +
    "заперли|заперла|запер=|запирают|запирает|заперта|заперт=|заперт|zaperli|zaperla|zaperta|закрыли|закрыла|zakryli|zakryla|" +
    "locked|locks|lock=|lockin",
  CONFINE_PLACE:
    "подвал|podval|жертөле|сарай|saray|sarae|сарае|қора|кора=|қораға|гараж|garaj|монша|баня|бане|балкон|balkon|шкаф|shkaf|" +
    "ванн|vann|туалет|кладовк|бөлме|болме|bolme|комнат|komnat|квартир|kvartir|room|basement|closet|shed|garage|flat=|" +
    "үйге|уйге|uige|үйде|уйде|uide|дома=|doma=",
  NO_FOOD:
    "тамақ|тамак|tamak|еды|еду|edy|есть=|кормит|кормят|kormit|kormyat|food|eat=|feed|fed=|нечего",
  LET_OUT:
    "выпускают|выпускает|выпускал|vypuskayut|vypuskaet|шығармайды|шыгармайды|shygarmaidy|шығармай",

  // ---- abduction ---------------------------------------------------------------------------
  PUT_IN:
    "посадили|посадил|посадила|posadili|posadil|затащил|затащили|отырғызды|отырғызып|отыргызды|otyrgyzdy|otyrgyzyp|" +
    "отырғызғанын|отыргызганын|put=|pulled|dragged|сүйреп|сүйремек|süiremek",
  STRANGER:
    "незнаком|neznakom|неизвестн|бейтаныс|beitanys|tanymaityn|танымайтын|stranger|unknown|чужой|чужая",
  FOLLOW:
    "following|followed|follows|артымнан|artymnan|преследует|следит",
  SEIZE:
    "grabbed|grabs|grab=|схватил|хватал|хватает|shvatil|skhvatil|тартты|тартып|ұстамақ|держит|держат",
  WHERE_UNKNOWN:
    "кудато|kudato|куда=|kuda=|where=|қайда|кайда|qaida|kaida|адрес",

  // ---- goodbye notes -----------------------------------------------------------------------
  NOTE:
    "записк|zapisk|письмо|pismo|note=|leter=|хат=|хатым|хатты|хатымды|хаттан|hat=|hatym|hatymdy|hatti",
  DECIDED:
    "decided|решила|решил=|решено|reshila|reshil=|шештім|sheshtim",
  TONIGHT:
    "tonight|ночью=|nochyu=|ночью|түнде=|тунде=|tunde=",
  NOT_FAULT:
    "кінәлі|кинали|kinali|виноват|вина=|вины|fault",
  GIVE_AWAY:
    "қалдырдым|калдырдым|kaldyrdym|qaldyrdym|қалдырамын|калдырамын|kaldyramyn|gave|givin|отдала|отдал|отдаю|раздал|раздала|раздаю|otdayu|otdala|razdal|бердім|берем=|беремін|беріңдер|бериндер|тапсырдым",
  NO_NEED:
    "need|нужн|нужен|понадоб|ponadob|nado=|надо=|керек",

  // ---- self-harm: burning, hitting oneself, hidden scars, bleeding --------------------------
  BURN:
    "burn|burnin|жгу|жгла|прижига|прижгла|тушу|күйдір|kuidir|kuydir|küidir",
  LIGHTER: "lighter|зажигалк|zajigalk|сигарет|темекі|темеки|спичк|утюг",
  SCARS:
    "scars|scar=|cuts=|шрам|shram|порез|porez|тыртық|тыртык|tirtik|іздерім|іздерді|іздер=|издерим",
  SELF_HIT:
    "бьюсь|ұрамын|урамын|ұрам=|соғамын|согамын",
  BLEED:
    "bleeding|bleed|blood|кровь|krov|қан=|кан=|kan=|кров",
  STOP_NOT:
    "тоқтамай|токтамай|toktamai|stop=|ostanavlivaets",
  HEAD_WALL: "қабырғаға|кабыргага|kabyrgaga|стену|стенку|стене|wall|walls",

  // ---- threats -----------------------------------------------------------------------------
  IF_TELL:
    "скажешь|расскажешь|расскажу|пожалуешься|пожалуюсь|проболтаешься|проболтаюсь|skazhesh|расскажет|" +
    "айтсаң|айтсан|aitsan|шағымдансаң|шагымдансан|shagymdansan|tel=|telin",
  HARM_FUT:
    "пырнём|пырнем|pyrnem|пырну|pyrnu|порежем|porezhem|зарежут|зарежу|зарежем|зарежет|прирежут|прирежу|закопа|изобьют|изобью|изобьём|отпинает|отпинаю|сожжёт|сожжет|сожгу|порежу|" +
    "сломает|сломаю|убью=|убьем|убьём|убьют|убьет=|убьёт=|прибью|прибьем|ubyu|ubyut|pribyu|" +
    "пышақтаймыз|пышақтаймын|соямыз|соямын|сойып|soyamyz|жоямын|жоямыз|joiamyn|бітіремін|өлтіреміз|өлтіремін|өлтірем=|" +
    "oltiremiz|өртеймін|өртейміз|ортеймиз|жарамын|жарам=|кесемін|ұрамыз|урамыз|ұрам=",
  HARM_STRONG:
    "убьем|убьём|ubyem|ubjom|порежем|порежут|porezhem|porezhut|пырнём|пырнем|pyrnem|зарежут|зарежу|зарежем|зарежет|прирежут|прирежу|закопа|изобьют|изобьём|отпинает|сожжёт|сожжет|сожгу|порежу|сломает|" +
    "убьют|ubyut|пышақтаймыз|пышақтаймын|соямыз|соямын|сойып|soyamyz|жоямын|жоямыз|joiamyn|бітіремін|өлтіреміз|oltiremiz|" +
    "өртеймін|өртейміз|ортеймиз|жарамын|кесемін|stab=|shoot",
  WAIT_FOR: "подкараул|поджид|ждать|жди=|zhdi=|ждем|ждём|wait=|waitin|күтеміз|кутемиз|кутип",
  FIND_YOU: "найдут|найду|найдём|найдем|адрес|адресіңді|мекенжай|таптым|найти",

  // ---- violence now ------------------------------------------------------------------------
  BREAK_V:
    "ломает|ломают|ломится|ломятся|lomaet|lomayut|lomitsya|lomyatsya|выбивает|выломал|breaking|break=|breakin|" +
    "бұзып|бузып|buzyp|сындырып|сындырады|syndyryp|теуіп|тебіп",
  DOOR: "дверь|двери|dver|door|есік|есик|esik|esig|квартиру",
  SHOUT: "кричит|кричат|орет|орёт|орут|krichit|krichat|oret|айқайлап|айкайлап|shoutin|screamin|yelin",

  // ---- contexts that make an alarming word ordinary (used by the guards) --------------------
  NUM5: "#NUM5",
  /** Talking about, recognising or teaching a subject: a parent's or a teacher's question. */
  TALK_KNOW:
    "поговорить|pogovorit|говорить|govorit|talk|discus|обсуд|obsud|explain|объясн|obyasn|понять|ponyat|know=|recogniz|распозна|" +
    "заметить|научить|teach|білуге|билуге|bilemiz|білеміз|сөйлес|сойлес|soiles|түсіндір|тусиндир|үйрет|уйрет|бастаймын|белгілер|belgiler",
  /** A subject word of crisis talk (for the guards about talking of a subject). */
  TOPIC:
    "suicid|суицид|самоубийств|самоубийц|samoubiits|samoubiic|suisid|suitsid|sextortion|секстор|шантаж|насили|зорлық|зорлык|zorlyq|zorlyk|зомбылық|zombylyq|" +
    "violence|abuse|groomin|груминг",
  /** Where a talk about a subject is for: a lesson, a project, a report, a rule. */
  TOPIC_WORK:
    "тәрбие|тарбие|tarbie|сценарий|плакат|plakat|материал|material|тақырып|такырып|проект|project|жоба|хабарла|habarla|мекеме|mekeme|" +
    "сообщать|направлять|психологымын|psihologymyn|психологпын|источник|source|обществознан|семинар|seminar|слайд|деректер|" +
    "факт|fakt|қарсы|против|against|prevention|алдын|aldyn|scene|scenes|сцен=|сцену|сахна|scams|протокол|protokol|приказ|" +
    "бұйрық|буйрык|скрининг|диагностик|әдістеме|адистеме|методич|нұсқау|риск|riska|қауіп|кауип|rate=|rates|data=|статист|" +
    "squad|сквад|отряд|speech|mun=|жиналыс|собрани|случай|случаи|случаев|sluchai|естідім|слышала|heard",
  TRIP:
    "ауыл|auyl|аулына|деревн|дача|dacha|интернет|internet|связ|sviaz|барамыз|baramyz|кетіп|уезжаем|едем|поедем|лагер|lager|camp|" +
    "trip|holiday|каникул|демалыс|dariger|дәрігер|врач|қоңырау|конырау|звонок|выпускн|graduat|сабаққа|мектепте|школе|school",
  SPORT:
    "каратэ|карате|karate|спарринг|sparing|жарыс|күрес|курес|kures|борьб|borb|wrestl|дзюдо|judo|соревнован|турнир|tournament|футбол|football|" +
    "добпен|доп=|мяч|груш|көкпар|кокпар|match|матч|абайсызда|случайно|нечаянно|accident|accidentally|байқамай|байкамай|ремонт|жөндеу",
  SCENERY:
    "каток|кафе|ресторан|торгов|трц|тц=|смотров|экскурси|закат|sunset|салют|fireworks|суретке|suretke|selfie|селфи|сфотк|фоткались|фотосесс|photoshoot|" +
    "красив|beautiful|әдемі|адеми|керемет|view=|вид=|көрінеді|корінеді|антенн|шифер|ремонт",
  WATER_PLAY:
    "суға|суга|suga|өзенге|озенге|ozenge|воду|water|river|pool|бассейн|банджи|bungee|джампинг|jumpin|gta|гта|pubg|пабг|ойын|oiyn|" +
    "ойнад|game|паркур|parkour|tiktok|song|trampolin|батут|парашют|parachute",
  PET:
    "щенк|щенок|котен|котён|кота=|кошку|собаку|пса=|хомяк|күшік|кушик|kushik|кучик|kuchik|итті|ит=|иттің|мысық|мысыг|мысығ|" +
    "mysyk|puppy|kitten|dog=|cat=|hamster|попугай|тауық",
  ACCIDENT: "случайно|нечаянно|accidentally|accident|абайсызда|байқамай|байкамай|байқаусызда|ұмытып|забыл|забыла|forgot",

  // ---- places of a plan -------------------------------------------------------------------
  POSTURE:
    "стою=|сижу=|лежу=|лягу=|stoyu|sizhu|тұрмын|турмын|turmyn|отырмын|otyrmyn|жатырмын|standin|sitin|im=|крышадамын|үстіндемін",
  RAILS: "рельс|rels|tracks|railway|теміржол|temirjol|temirzhol|путях",
  LOOK_DOWN: "внизу|vnizu|перила|perila|перилами|краю|краешке|ledge|свесила|свесил|шетінде|shetinde",
  TIE: "привязала|привязал|привязан|tied|байладым|ілдім|іліп|ready|готова=|готов=",

  // ---- second pass: indirect intent, plans, goodbyes, third-party reports, poison, runaway, sextortion ----
  /** "Easier, calmer, happier" (without me). */
  EASIER:
    "легче|проще|спокойнее|счастлив|счастливее|отдохн|рады=|legche|proshe|spokoin|shastliv|otdohn|easier|happier|relieved|" +
    "жеңіл|жеңілдей|женил|zhenil|jenil|оңай|онай|onai|бақытты|бакытты|bakytty|baqytty|тыныш|tynysh|құтыл|кутыл|kutyl|qutyl|" +
    "ұрыспайтын|урыспайтын|urispaitin|ұрыспас|жақсырақ|жаксырак",
  /** Would miss me, cry, notice, look for me (said with "nobody" or "who"). */
  MISS_ME:
    "заплачет|заплачут|заметит|заметят|заметил|хватится|расстроится|расстроятся|вспомнит|скучать|zametit|zametil|zaplachet|" +
    "notice|noticed|miss=|cry=|care=|байқамайды|байкамайды|baikamaidy|байқамас|байкамас|байқар|байкар|bailqamas|сағынбайды|сагынбайды|sagynbaidy|" +
    "іздемейді|издемейди|izdemeidi|іздемес|издемес|izdemes|жыламайды|жыламас|жылайтын|жылаитын|jylaityn|zhylaitin|ренжімейді|ренжимейди|" +
    "сағынар|сагынар|іздер=",
  /** Funeral, "who would come". */
  FUNERAL: "похорон|pohoron|funeral|жерлеген|жерлегенде|zherlegende|jerlegende|жаназа|janaza",
  /** A decision, a plan, things made ready. */
  PLANNED:
    "продумала|продумал|produmala|produmal|решила|решил=|решено|решилась|reshila|reshil=|приготовила|приготовил|prigotovila|подготовила|" +
    "шештім|шештим|sheshtim|шешіп|шешип|sheship|шешімім|шешимим|sheshimim|жоспарым|жоспар|zhosparym|josparym|plan=|план=|" +
    "decided|figured|способ|sposob|дайын|даиын|daiyn|daiin|дайындап|дайындадым|daiyndap|готово|готовы|ready",
  /** Soon, tonight, on a given day: when the plan is for. */
  WHEN:
    "tonight|today|tomorrow|friday|saturday|weekend|soon=|after=|сегодня|segodnya|ночью|nochyu|завтра|zavtra|скоро|skoro|пятниц|субботу|" +
    "subbotu|pyatnits|выходн|тогда|потом|бүгін|бугин|bugin|bügin|түнде|тунде|tunde|кешке|кешке|keshke|ертең|ертен|erten|жұма|жума|juma|" +
    "zhuma|сенбі|сенби|senbi|жақында|жакында|jakynda|zhakynda|кейін|кейин|keiin",
  /** It all ends, I won't be (here), nobody will be bothered by me. */
  END_FUT:
    "болмаймын|bolmaimyn|мешать|meshat|мешала|перестану|отдохнете|отдохнёте|otdohnete|" +
    "кедергі|кедерги|mazalanbaidy|мазаланбайды|мазалайтын|доставать|токтата|тоқтата",
  /** Cuts, wounds and marks on someone's body (a parent, a teacher, a friend reporting). */
  FRESH_CUTS:
    "cuts=|порезы|порезов|porezy|кесілген|кесилген|kesilgen|кескен|kesken|кесіктер|кесиктер|кесік=|кесик=",
  MARKS: "bruise|bruises|синяк|siniak|sinyak|көгерген|когерген|kogergen|көгеріп|когерип|kogerip|kögerıp|көгертіп|когертип|көк=|кок=|kok=|ожог|ozhog|burns=|dakter|дақтар|marks=|ізі=|изи=|издери|іздері|следы|следами",
  BELT: "belt=|belts=|ремн|ремень|remn|белбеу|belbeu|белдік|beldik|шнур|провод|кабел|саусак|саусақ|пальцев",
  /** Third-person object: her, him. */
  VICTIM3: "her=|him=|её=|ее=|его=|ee=|ego=|оны=|ony=|onu=|онымен|оған=|ogan=|ей=|ему=|ей=|them=|их=",
  /** Poisons and household chemicals drunk. */
  POISON:
    "уксус|uksus|сірке|сирке|sirke|отбеливател|otbelivatel|белизн|хлорк|bleach|antifreeze|антифриз|poison|poisin|крысин|тышқан|тышкан|tyshkan|" +
    "уын=|уды=|ағартқыш|агарткыш|agartkysh|химию|химия=|химии|himiyu|khimiyu|chemical|cleaning|чистящ|мытья|mytya|жидкост|zhidkost|" +
    "растворител|бензин|benzin|керосин|ацетон|aceton",
  /** What a poison or an overdose does: burning, vomiting, dizziness, sleepiness, not waking. */
  BURNS:
    "жжет=|жжёт=|zhzhet=|горит|gorit|горло|gorlo|throat|burns|burnin|burning|күйіп|куйип|kuiip|kuyip|өртеніп|ортенип|жанып|zhanyp|" +
    "рвет|рвёт|rvet|тошнит|toshnit|құсып|кусып|kusyp|құсқым|кускым|құсып|айнып|aynyp|dizzy|айналып|айналады|айналады|кружится|kruzhitsya|" +
    "vomit|vomitin|throwin|слипа|slipa|колотится|kolotitsya|есінен|есинен|esinen|unconscious",
  /** Not answering, phone switched off, gone. */
  PHONE_OFF:
    "өшірулі|оширули|oshiruli|өшік|ошик|oshik|öşik|выключил|выключила|выключен|vykluchil|vyklyuchil|отключил|недоступ|" +
    "бермейді|бермейди|bermeidi|отвечает|otvechaet|answerin|answering|пропал|пропала",
  /** Sleeping rough. */
  STREET:
    "вокзал|vokzal|подъезд|подьезд|podezd|pod'ezd|улице|ulitse|ulice|көшеде|кошеде|koshede|далада|dalada|паркта|parkta|паркте|парке|parke|" +
    "заброшк|zabroshk|трасс|аулада|aulada|гараж|garaj|garazh",
  SLEEP_OUT:
    "сплю|splyu|спала|спал=|ночую|nochuyu|nochuiu|ночевала|ночевал|nochevala|ночует|ночуем|түнедім|тунедим|tunedim|түнеп|тунеп|tunep|" +
    "түнеймін|ұйықтаймын|уйыктаймын|uiyktaimyn|uyktaimyn|slept|sleepin|sleeping",
  /** Photos of me (a possessive photo word). */
  PHOTO_MY:
    "фотоларымды|фотоларым|fotolarymdy|fotolarym|фоткаларымды|фоткаларым|fotkalarymdy|суретімді|суретимди|suretimdi|суреттерімді|суреттеримди|" +
    "suretterimdi|суретім|суреттерім|суреттерим|видеомды|videomdy|видеомнан|видеом=",
  MONEY:
    "деньги=|денег=|den'gi=|dengi=|deneg=|ақша|акша|aksha|aqsha|money|тенге|теңге|tenge|каспи|kaspi|мың=|мын=|myn=|тысяч|tysyach|тыщ=|" +
    "аудар|audar|заплати|заплачу|zaplati|pay=|төле|толе|tole",
  /** Adults and older relatives a child may name as the one who abuses them (not the mother). */
  MALE_ADULT:
    "отчим|otchim|өгей|огей|ogei|ögei|дядя|dyadya|djadja|дядька|дедушка|dedushka|дед=|атам=|atam=|атасы|atasy|сосед|sosed|көрші|корши|korshi|" +
    "тренер|trener|coach|учитель|uchitel|мұғалім|мугалим|mugalim|mūğalım|ағай|агай|agai|жездем|жездем|zhezdem|жезде|мамин=|mamin=|сожитель|sozhitel|" +
    "жігіті|жигити|zhigiti|boyfriend|stepdad|stepfather|stepbrother|сводный|svodnyi|uncle|grandpa|grandfather|neighbor|neighbour|tutor|репетитор|" +
    "cousin|ағамның|агамнын|agamnyn|ağamnyñ|нағашы|нагашы|nagashy|nağaşy|кузетши|күзетші|охранник|сторож",
  /** What such an adult does: hugs, kisses, strokes, holds, lies down next to the child. */
  SEX_TOUCH:
    "құшақтап|кушактап|kushaktap|qūşaqtap|обнимает|obnimaet|сүйеді|суйеди|suiedi|süiedı|сүйген|целует|tseluet|kisses|kissed|kissin|" +
    "гладит|gladit|лапает|lapaet|денемді|денемди|denemdi|денеме|ұстайды|устайды|ustaidy|ұстай|устай|ustai|ұстап|grabs|grabbin|grabbing|holds|" +
    "тигізеді|тигизеди|tigizedi|ложится|lozhitsya|lies|жатты|жатады|трогает|trogaet|трогал|touches|touchin|touching|shows|показывал|pokazyval",
  /** What marks it as abuse: a secret, alone, fear, disgust, nobody would believe. */
  SEX_SIGNAL:
    "secret|секрет|sekret|тайна|тайну|никому=|nikomu=|ешкімге=|ешкимге=|eshkimge=|құпия|купия|kupiya|kupia|kupya|айтпа|aitpa|жиіркенемін|жиркенемин|ұнамайды|унамайды|unamaidy|ūnamaidy|нравится|hate|боюсь|boyus|scared|" +
    "поверит|poverit|сенбейді|сенбейди|оставляет|ostavlyaet|ostavliaet|қалдырып|калдырып|kaldyryp|qaldyryp|" +
    "жоқта|жокта|zhokta|places|кровать|krovat|bed=|төсегіме|тосегиме|tösegıme|tosegime|ванну|vannu|ночую|nochuyu|түнде|тунде|night",
  /** Pushing, throwing, dragging by the hair, breaking. */
  PUSH:
    "толкает|толкнул|толкнула|толкают|tolkaet|tolknul|pushed|pushes|shoved|shoves|threw|throws|итеріп|итерип|iterip|итереді|итереди|" +
    "таскает|taskaet|таскал|швыряет|швырнул|разбил|razbil|сындырды|сындырып|syndyrdy|сүйрейді|сүйреп|suireidi|süireidi|соғады|согады|soğady|sogady|" +
    "кидается|kidaetsya|бросает|лақтырды|лактырды|laktyrdy",
  /** Mother (or aunt, sister) as the one hurt, in any case. */
  MOM_ANY:
    "мама=|мамы=|маму=|маме=|мамой=|мамада|мамамның|мамамнын|мамамды|мамама|мамаға|mama=|mamy=|mamu=|mame=|mom=|mum=|mother|" +
    "анам=|анамның|анамнын|anamnyn|анамды|anamdy|анама=|апам=|apam=|апамның|апамнын|apamnyn|апамды|apamdy|апама=|шешем=|шешемнің|şeşemniñ|sheshemnin|шешемді|" +
    "aunt=|тётю|тетю|тәтем|татем|жену=|әйелін|айелин",
  /** Poisoning or a plan to die said with a quantity written in words. */
  QTY_WORD:
    "бес=|алты=|жеті=|сегіз=|тоғыз=|жиырма|отыз|пять=|шесть=|семь=|восемь=|десять|пятнадцать|двадцать|тридцать|five=|six=|seven=|" +
    "eight=|nine=|ten=|twelve|fifteen|twenty|thirty|пол=|полбанк|polbank|полпачк|polpachk|половин|polovin|half=|полбутылк|polbutylk",
});

/** Idioms that look alarming; their words are removed from play before grading. */
export const GUARDS: readonly GuardDef[] = guardSpellings([
  {
    id: "en_idioms",
    any: [
      "dyin=|died=|die=|dead=|dies= of=|from=|with= ~1 laughter|laughin|laugh=|boredom|bored|embarrassment|shame|" +
        "cringe|hunger|heat|thirst|curiosity|excitement|jealousy|cuteness",
      "dyin=|died=|dead= laughin|laughin=",
      "dyin= to=|for=",
      "to= die= for=",
      "would=|could=|id= die= for=",
      "bored|scared|sick|tickled|worried|freezin|frozen to= death=",
      "dead= tired|serious|bored|last|end|inside",
      "die=|dye= ~1 my= hair=",
      "overdos ~2 on=",
      "bag5: @CUT shavin|cookin|accident|accidentally|случайно|нечаянно|абайсызда|байқамай|байқаусызда|бритье|брилась|брился",
      "kil=|kilin=|kiled=|kill= time=|it=",
      "kil=|kill= for=",
      "beat=|beats=|beaten= ~1 me=|us= at=|in=",
      "hit=|hits= ~1 me=|us= up=",
      "@BEAT/@BEAT_EN ~2 ball=|balls=|мяч|доп=|допты=|шайбу=|puck=",
    ],
  },
  {
    id: "ru_idioms",
    any: [
      "умираю=|умерла=|умер=|помираю=|подыхаю=|сдохну=|умру=|сдох=|умерли=|ржу= со=|от= ~1 смеху|смеха|скуки|стыда|голода|жары|" +
        "усталости|любопытства|нетерпения|ржача|кринжа|холода|зависти|умиления",
      "до= смерти=",
      "убить=|убиваю=|убивать=|убиваем=|убили= время=",
      "убей=|убейте= меня= ~4 если=",
      "убиться= можно=|об=",
    ],
  },
  {
    id: "kk_idioms",
    any: [
      "-дан/-ден/-нан/-нен/-тан/-тен/ашығып/шаршап/шөлдеп/күлгеннен өліп|өлдім|өлем|өлейін|өле=|өлді=|өлеміз|өлесің",
      "уақыт ~1 өлтір",
    ],
  },
  {
    id: "killing_me_context",
    context: true,
    any: [
      "this=|that=|it=|its=|homework|test=|exam|heat=|trafic|school|clas=|song=|show=|movie|series|joke|math|game=|wait=|" +
        "suspense|back=|feet=|head=|neck=|stomach|cramps|period|shoes|youre=|lesson|physics|chemistry|week=|day=|job=|work= " +
        "~2 kilin=|kils=|kiled=|kil= me=",
      "домашка|контрольная|жара|учеба|учёба|школа|математика|физика|химия ~2 убивает=|убьет=|убьёт=",
      "@PARENTS ~2 убьет=|убьёт=|прибьет=|прибьёт=|убьют= ~3 за= || " +
        "@PARENTS ~2 убьет=|убьёт=|прибьет=|прибьёт=|убьют= ~3 если= ~1 узнает|увидит|узнают",
    ],
  },
  {
    id: "device_died",
    context: true,
    any: [
      "bag4: phone|battery|laptop|charger|computer|pc=|tablet|headphones|airpods|airpod|телефон|батар|ноут|комп|зарядк|" +
        "наушник|планшет|айфон|ноутбуг|ноутбук|компьютер|акум dead=|died=|dyin=|die=|сдох=|умер=|помер=|сел=|села=|" +
        "сдохла=|мертв|разрядил|өліп=|өлді=|отырып=",
    ],
  },
  {
    id: "game_death",
    context: true,
    any: [
      "bag6: game|games|level|bos=|round|match|fortnite|minecraft|roblox|pubg|cs=|ks=|csgo|dota|brawl|valorant|character|" +
        "игр|раунд|катк|персонаж|майнкрафт|кс=|доте=|дота=|доту=|ойын|кейіпкер|зомби|зомбі|майнкрафтта " +
        "died=|die=|dead=|kiled=|got= killed|умер=|умерла=|убили=|убил=|убьют=|погиб=|сдох=|өлді=|өлдім=|өліп=|өлтірді=|" +
        "өлтіреді=",
    ],
  },
  {
    id: "talk_about_a_subject",
    any: [
      // a parent or a teacher asking how to talk about, recognise or teach a subject
      "bag10: как=|how=|қалай|калай|qalai|kak=|қандай|кандай|qandai|what @TALK_KNOW @TOPIC",
      // a lesson, a project, a report, prevention, a film title
      "bag8: @TOPIC @TOPIC_WORK",
      "как=|kak=|how= ~3 узнать|uznat|понять|ponyat|заметить|zametit|tell|know ~3 что|chto|if|whether ~3 режет|rezhet|rejet|режут|cuts|cutting|самоповреж",
      "died|умер|умерла|погиб ~2 by=|от= ~1 suicid|суицид",
    ],
  },
  {
    id: "ordinary_contexts",
    any: [
      // doses: an age or a weight is not a quantity of pills; one pill is not an overdose
      "im=|i=|am=|мне=|mne=|мен=|men= @NUM5",
      "@NUM5 жас|jas|zhas=|лет=|let=|year|years|yo=|kg=|кг=|кило|келімін|келимин|ml=|мл=|mg=|мг=",
      "бір=|bir=|one=|одну=|одна= @PILL || бір=|bir= витамин|дәрумен|vitamin|витаминнің|витаминнин @PILL || @PILL ~1 біреуін|бірін|biryn",
      "бәрі|бари|bari= ~1 жақсы|жаксы|jaksy ~1 деді|деди|dedi|екен || бәрі|бари|bari= ~1 орнында|орнинда || всё=|все=|vse= хорошо|нормально ~1 сказал|сказала|говорит",
      "при=|pri=|если=|esli= @INGEST_STRONG/отравлен|otravlen || активирован|aktivirovan|уголь|угля|ugol",
      "@ACCIDENT ~4 @INGEST/@INGEST_STRONG/@PILL || @INGEST/@INGEST_STRONG ~3 @ACCIDENT",
      "не=|ne= ~2 передоз|peredoz|overdo",
      // sport, play, repairs, accidents: a blow that is not abuse
      "bag6: @BEAT/@BEAT_EN/@BEAT_IP/@BEAT_PAST/@PUSH @SPORT",
      "басын|басым|басымды|basyn ~1 соғып|согып ~1 алды|алдым",
      "қабырғаны|кабырганы|стену|wall= ~1 @BEAT/@BEAT_IP",
      "у= @ME @BEAT_PAST",
      // a jump into water, in a game, in a song; a bridge or a roof in a photo
      "bag6: @JUMP @WATER_PLAY",
      "bag6: @HEIGHT/крышада/kryshada @SCENERY",
      // a pet locked in, a pet run away; locked in by accident
      "bag5: @PET @CONFINE/@LET_OUT/қашып|кашып|сбежал|сбежала|убежал|ran= || @CONFINE ~1 қойдық|койдык|koidyk|кеттік|кеттик",
      "bag5: @ACCIDENT @CONFINE",
      // a knife for fish or food; blades for shaving
      "bag6: @WEAPON балық|балык|balyk|рыб|ribu|fish|мясо|ет=|нан=|хлеб|пияз|salad|cook=|тамақ",
      "@BLADE ~2 для= бритья|бритвы || bag5: @BLADE бреюсь|бриться|shave|shavin|сақал|мұрт",
      // "don't look= for= me=": a trip, a camp, the last bell
      "bag10: іздемеңдер|іздемеңіз|izdemender|izdemender|ищите|көрмейсіңдер|кормейсиндер|kormeisinder|увидите @TRIP",
      "соңғы|сонгы|songy|последний= қоңырау|конырау|звонок",
      // a threat made in play; homework that "kills"
      "@KILL_OTHER/@HARM_FUT ~6 ойнаймыз|ойнап|шутим|шутя|прикалыв|хаха|хахах|haha|ахах|ахаха",
      "убью=|прибью=|ubyu ~2 за= ~2 то=|что=",
      "homework|test=|exam|math|уроки|домашка|контрольная|алгебра|algebra|задачи ~2 would|will|gonna|is|меня|menya ~1 @KILL_OTHER/@HARM_FUT/@KILL/kil=|kill=|убивает|ubivaet",
      // "therapist" split as "the= rapist"
      "the= rapist|rapists",
      // a password is a "secret word"; slaughtering a sheep for a feast; a farewell party
      "құпия|купия|kupiya ~1 сөз|соз|soz|сөзді|созди",
      "қой=|мал=|ет= ~1 сойып|сою=|соямыз|соямын",
      "прощальн|proshaln ~1 вечер|vecher|ужин|концерт|линейк|костер|костёр|вечеринк|party|dinner",
      "bag6: @TRACKS/@RAILS перрон|perron|platform|вокзал|vokzal|станци|stantsi|бекет|опаздыва|opazdyva|билет|ticket",
      "bag8: @COMES_IN жарық|жарыкты|жарықты|jaryk|свет|light|lights|көрпе|корпе|одеял|blanket|укрыв|check",
      "өз= өзіне|озине= зиян|зыян",
      "үй= жұмысы|жумысы ~2 @KILL_OTHER/@KILL",
      "анам|мамам|әкем|папам|акем|anam|mamam|akem ~1 мені|мени|meni ~1 өлтіреді|олтиреди|oltiredi|өлтіретін ~1 егер|если|if",
    ],
  },
]);

/** The rules. Order does not matter: every rule is tried and the highest grade wins. */
export const RULES: readonly RuleDef[] = ruleSpellings([
  // ======================= suicide / self-harm: emergency ============================
  {
    id: "want_to_die",
    cat: "suicide_self_harm",
    level: "emergency",
    soft: true,
    any: [
      "@WANT_DIE ~3 @DIE_INF",
      "@DIE_INF хочу=|хочется|хочеться|охота=|хочет= || @DIE_INF так=|очень=|уже=|реально=|прям= хочу=|хочется|хочеться|охота=",
      "wish ~3 dead=|die=|died=",
      "@WANT_DIE ~2 be= dead=",
    ],
  },
  {
    id: "dont_want_to_live",
    cat: "suicide_self_harm",
    level: "emergency",
    soft: true,
    notNext: "@NOT_LIVE_NEXT",
    any: ["@NEG @WANT_DIE ~3 @LIVE", "@LIVE не= хочу=|хочется|хочеться|охота="],
  },
  {
    id: "kill_myself",
    cat: "suicide_self_harm",
    level: "emergency",
    soft: true,
    any: [
      "@KILL ~1 @SELF",
      "@SELF ~1 @KILL",
      "kms=",
      "@HANG_EN @SELF",
      "@HANG_SELF",
      "покончу|покончить|покончила|покончил|покончим|покончу= ~1 с= собой=|жизнью=",
      "end=|endin=|ended= ~1 my= life=|lives=",
      "end= it= al=",
      "it= al= to= end=",
      "end= it= ~1 tonight|today|now=",
      "end= everythin=",
      "take ~1 my= own= life=",
      "take= my= life=",
      "уйти|уйду из= жизни=",
      "@SELF_DAT ~1 @QOL @SAL",
      "тірі= жүргім @KELME",
      "@OMIRDEN @KETKIM",
    ],
  },
  {
    id: "kk_want_to_die",
    cat: "suicide_self_harm",
    level: "emergency",
    soft: true,
    any: ["@OLGIM ~1 @KEL", "@OMIR @SURGIM ~1 @KELME"],
  },
  {
    id: "jump",
    cat: "suicide_self_harm",
    level: "emergency",
    any: ["bag6: @JUMP @HEIGHT"],
  },
  {
    id: "cut_self",
    cat: "suicide_self_harm",
    level: "emergency",
    soft: true,
    any: ["bag4: @CUT @BODY", "порезалась|порезался|порезалсь ~3 опять|снова|специально|нарочно|кров"],
  },
  {
    id: "rope_plan",
    cat: "suicide_self_harm",
    level: "emergency",
    any: ["bag8: @ROPE @PLAN"],
  },
  {
    id: "farewell",
    cat: "suicide_self_harm",
    level: "emergency",
    all: [
      "@FAREWELL || қош|сау болыңдар|болыныздар || bye= forever=|everyone=",
      "бітті= || всё=|все= || не= могу= больше= || can=|cant= ~3 anymore=|more= || шыдай|шыдамай алмаймын || тоқтатамын || " +
        "last= message= || последн ~1 сообщени || @SUICIDE_WORD || жоқпын || енді= жоқ=",
    ],
  },
  {
    id: "overdose",
    cat: "overdose",
    level: "emergency",
    any: [
      "bag8: @PILL @INGEST @QTY",
      "bag6: @PILL @INGEST_STRONG",
      "took|swalowed|ate= @PILL",
      "took|swalowed|ate= some= @PILL",
      "@INGEST таблеток=|лекарств",
      "i= overdosed|od=",
      "took|swalowed|ate=|drank|taken ~2 @QTY_ALL ~6 @PILL || took|swalowed|ate=|drank|taken ~1 too= many|much ~4 @PILL",
      "bag6: @WANT_DIE отравиться|уланғым|травиться",
      "bag8: @PILL @INGEST_FUT @QTY_ALL",
      "bag10: @PILL/аптечк @INGEST/@INGEST_STRONG құсып|кусып|kusyp|рвет|рвота|тошнит|toshnit|vomit|throwin|dizzy|айналып|кружится|kruzhitsya|сердце",
    ],
  },
  // ======================= suicide / self-harm: high ================================
  {
    id: "suicidal_thoughts",
    cat: "suicide_self_harm",
    level: "high",
    any: [
      "@THINK ~3 @DEATH",
      "@SUICIDE_WORD",
      "@SELF_HARM_WORD",
      "@OLSEM ~1 @GOI",
      "wish ~3 never= born|existed || wish ~3 wasnt|werent|wasn ~1 born=|alive=|here=",
      "better= off= dead= || better= off= without= me=",
      "no= reason= to= live=",
      // "өліп кетсем деп ойлаймын", "olip kalsam kim zhylar eken": the wish to die said as a condition
      "өліп=|олип=|olip=|өле=|оле=|ole= ~1 кетсем|қалсам|калсам|kalsam|ketsem ~4 деп=|dep=|деген=|degen=|ойлаймын|ойлайм|oilaimyn|ойлап|oilap|кім=|ким=|kim=",
      "тірі=|тири=|tiri= ~1 жүргеннен|жургеннен|zhurgennen|jurgennen|жүруден|журуден|zhuruden|juruden ~3 шаршадым|sharshadym|жалықтым|zhalyktym || " +
        "шаршадым|sharshadym|жалықтым|zhalyktym ~3 тірі=|тири=|tiri= ~1 жүруден|журуден|zhuruden|juruden|жүргеннен|zhurgennen",
      "біржола|бирjола|birzhola|birjola|мүлдем|мулдем|muldem ~1 кетіп|кетип|ketip ~1 қалсам|калсам|kalsam",
      // "i wish i could just not wake up", "unalive" as a wish
      "want|wanna|wish ~2 unalive || unalive ~2 bolgym|болғым|болгым",
      "tired= of= livin=|life=",
      "@WANT_DIE ~2 disappear|vanish|исчезнуть|исчезн || @WANT_DIE ~2 sleep= forever=",
      "@NEG want|wanna ~2 wake= up=",
      "лучше= бы= ~2 умер|умерла || лучше= бы= ~2 меня= не= было= || лучше= бы= ~2 не= родил",
      "смысл ~3 жить=|жизни=",
      "bag3: жить= надоело|устала|устал=|задолбало",
      "незачем= жить=",
      "не= хочу= просыпаться=",
      "өмірдің мәні ~1 жоқ || өмір= сүрудің мәні ~1 жоқ",
      "өмір=|омир=|omir= ~1 сүрудің|сурудин|surudin ~1 қажеті|кажети|kajeti|qajeti|kazheti|мәні=|мани=|mani=|мағынасы|магынасы ~1 жоқ=|жок=|zhok=|joq=",
      "дейін|дейин|deiin|deıın ~2 ғана=|гана=|gana= ~1 шыдаймын|шыдаимын|shydaimyn|şydaimyn",
      "келесі=|келеси=|kelesi= ~1 жылы=|jyly=|zhyly= ~2 мен=|men= ~1 болмаймын|bolmaimyn|жоқпын|жокпын",
      "хочу|hochu|хочется ~3 меня|menya|menja ~1 сбила|сбил|sbila|sbil|переехала|pereehala|убили|ubili",
      "bag10: все=|всё|vse= закончится|zakonchitsya|zakonchitsa|кончится план|plan|переживайте|perezhivaite|купила|kupila|купил|kupil|уснут|usnut|готова|gotova|снотворн",
      "өмірден шаршадым|жалықтым|шаршадым= || өмір= сүруден шаршадым|жалықтым",
      "жоғалып ~1 кеткім|кеткісі",
      "hurt= @SELF",
      "өзіме|өзіне ~1 зиян ~1 келтір",
      "больше= ~2 не= увидите|увидишь || мені ~2 көрмейсіңдер|көрмейсің|көрмейсіз || never= see= me= again=",
      "навредить|поранить= себе=|себя=",
      "overdos|передоз",
    ],
  },
  {
    id: "kk_olgim",
    cat: "suicide_self_harm",
    level: "high",
    notNext: "@KELME",
    any: ["@OLGIM"],
  },
  // ======================= violence =================================================
  {
    id: "beats_me",
    cat: "physical_abuse",
    level: "high",
    now: true,
    any: [
      "@BEAT ~1 @ME",
      "@ME/@VICTIM_PARENT_ACC @BEAT_PAST || @BEAT/@BEAT_PAST/бить=|бьет=|бьёт= ~2 ремнем|ремнём|remnem|кулаком|проводом|палкой|шлангом|скакалкой|belt=|белдікпен|белбеумен|шнурмен",
      "@BEAT_PAST @ME/@VICTIM_CHILD/@VICTIM_PARENT_ACC/его=|её=|ее=|him=|her= || @AGENT ~1 @BEAT_PAST ~2 @ME/@VICTIM_PARENT_ACC/ремнем|ремнём|ногами|кулаком|палкой",
      "@ME ~2 @BEAT",
      "bag6: @AGENT @BEAT",
      "bag4: @VICTIM_CHILD @BEAT",
      "@BEAT_EN ~1 @ME",
      "@BEAT_EN ~2 @VICTIM_CHILD",
      "@AGENT ~2 @BEAT_EN ~1 her=|him=|us=|them=",
    ],
  },
  {
    id: "raised_hand",
    cat: "physical_abuse",
    level: "high",
    now: true,
    any: ["@ME_DAT/@ME ~1 @QOL көтерді|көтереді|салды=|салады=|көтерді|салып", "зорлық|зомбылық"],
  },
  {
    id: "domestic_violence",
    cat: "domestic_violence",
    level: "high",
    now: true,
    supersedes: ["physical_abuse"],
    any: [
      "@BEAT/@BEAT_EN ~2 @VICTIM_PARENT",
      "@VICTIM_PARENT_ACC ~2 @BEAT",
      "bag4: @HUSBAND @BEAT",
      "@HUSBAND ~2 @BEAT_EN",
      "domestic= violence|abuse || домашн ~1 насили || семейн ~1 насили || тұрмыстық ~1 зорлық",
    ],
  },
  {
    id: "violence_words",
    cat: "physical_abuse",
    level: "high",
    now: true,
    any: ["насилие|насилия= || абьюз|abusive"],
  },
  {
    id: "weapon_threat",
    cat: "physical_abuse",
    level: "high",
    now: true,
    any: ["bag6: @WEAPON @CHASE/@THREAT"],
  },
  {
    id: "weapon_now_kk",
    cat: "violence_now",
    level: "emergency",
    all: ["@WEAPON", "@CHASE/@THREAT/@BEAT_IP жатыр=|жатырмын="],
  },
  {
    id: "end_it",
    cat: "suicide_self_harm",
    level: "emergency",
    soft: true,
    notNext: "with=|between=|for=",
    any: ["@WANT_DIE/going/gonna/wanna ~2 end= it="],
  },
  {
    id: "being_abused",
    cat: "physical_abuse",
    level: "high",
    now: true,
    any: ["being|been|was|am=|im=|get|getin ~1 abused|beaten|hit=|beat="],
  },
  {
    id: "grooming",
    cat: "threats_sextortion",
    level: "high",
    any: ["bag8: взрослый|взрослая|мужик|мужчина|adult|grown|stranger|незнакомец|незнакомый|ересек|бейтаныс " +
        "просит|требует|asks|askin|wants|сұрайды|сұрап|жібер= @PHOTO"],
  },
  {
    id: "beating_now_en",
    cat: "violence_now",
    level: "emergency",
    any: ["@PROG_EN ~1 @BEAT_ING ~2 @ME/@VICTIM_PARENT/@VICTIM_CHILD/her=/him="],
  },
  {
    id: "beating_now_kk",
    cat: "violence_now",
    level: "emergency",
    all: ["@BEAT_IP жатыр=|жатырмын=|жатырсың=", "bag6: @ME/@AGENT/@HUSBAND/@VICTIM_CHILD/@VICTIM_PARENT_ACC/ол= @BEAT_IP"],
  },
  // ======================= sexual abuse =============================================
  {
    id: "sexual_abuse",
    cat: "sexual_abuse",
    level: "high",
    any: [
      "@RAPE",
      "bag12: @MALE_ADULT/@G_ADULT/@AGENT есікті|есикти|esikti|esıktı|дверь|dver|door ~1 жабады|жабады|zhabady|jabady|жауып|zhauyp|jauyp|закрывает|zakryvaet|locks @G_SECRET/@TOUCH/@UNDRESS/@SEX_TOUCH",
      "bag8: @MALE_ADULT/@G_ADULT киімімді|киимимди|kiimimdi|kiımımdı|одежду|odezhdu @UNDRESS",
      "жаман=|jaman=|zhaman=|странные=|strannye=|нехорошие=|secret=|құпия=|купия=|секретную|sekretnuyu|тайную ~1 ойын=|oiyn=|игру=|igru=|игры=|games=|game= ~1 ойнайды|oinaidy|ойнаймыз|играет|igraet|играем|plays=|play=",
      "bag6: @TOUCH @ME/@ME_DAT/@VICTIM_CHILD @AGENT/@SECRET",
      "bag6: @TOUCH @SECRET",
      "sexual|сексуальн|жыныстық ~1 abuse|abused|насили|зорлық|домогат",
      "домогает|домогал|домогательств",
      "@FORCE ~3 @UNDRESS",
      "bag12: @AGENT @FORCE @SECRET",
      "bag6: @AGENT @UNDRESS @ME/@ME_DAT/@VICTIM_CHILD",
      "sexual= harasment",
    ],
  },
  // ======================= threats / sextortion =====================================
  {
    id: "sextortion",
    cat: "threats_sextortion",
    level: "high",
    any: [
      "bag10: @NUDE @PHOTO/@LEAK/@DEMAND/@THREAT",
      "bag12: @PHOTO @LEAK @DEMAND/@THREAT",
      "bag8: @PHOTO @THREAT",
      "blackmail|шантаж|sextortion|секстор",
    ],
  },
  {
    id: "life_threat",
    cat: "threats_sextortion",
    level: "high",
    any: [
      "bag6: @THREAT @KILL_OTHER/@STAB/@BEAT/@BEAT_EN",
      "@SAID ~4 @KILL_OTHER/@STAB ~2 @ME",
      "@KILL_OTHER деп=",
      "death= threat || угроз ~1 убийств",
      "@KILL_OTHER/@HARM_STRONG тебя=|tebya=|tebja=|сені=|seni= ~10 @SAID",
      "знаю|znayu|znaiu|znaju ~3 школе|shkole|живешь|живёшь|zhivesh ~5 жди=|zhdi=|встретим|vstretim|конец|konec|пожалеешь|pozhaleesh",
      "обольёт|обольет|obolet|oboljet|плеснёт|плеснет ~3 кислотой|kislotoi|kislotoj|бензином|acid",
      "break|брейк ~2 my=|your=|ur= legs|arms|neck|face|bones|nose || end= up= in= hospital || youre=|ur=|your= dead= ~3 tomorrow|monday|tuesday|wednesday|thursday|friday|after|at=",
      "hel=|shel=|theyl=|theyll= ~1 kil=|kill=|stab|shoot|hurt= ~1 her=|him=|us= || hel=|shel=|theyl=|theyll= ~1 kil=|kill=|stab|shoot|hurt= ~1 my= mom=|mum=|mother|sister|brother",
      "өлесің|олесин|olesin|өлесіңдер ~3 деп|dep|дейді|деді|dedi|жазды|zhazdy|jazdy",
      "want|wants ~1 to= kil=|kill=|hurt=|stab ~1 me=",
    ],
  },
  {
    id: "telling_to_die",
    cat: "bullying",
    level: "high",
    any: ["kys= || kil= yourself= || убей= себя= || сдохни= || убейся= || иди= повесься || өліп= кет= || өлсеңші"],
  },
  // ======================= runaway / nowhere safe ===================================
  {
    id: "runaway",
    cat: "runaway_unsafe",
    level: "high",
    any: [
      "ran|run|runin ~1 away= ~2 home=|house=",
      "ran= away= ~6 sleepin=|sleep=|slept=|stayin=|nowhere=|streets=|station=",
      "runaway|ranaway",
      "сбежал|сбежала|убежал|убежала|ушла=|ушел=|ушёл=|сбегу|убегу ~1 из= дома=",
      "выгнал|выгнали|выгнала|выгоняет|выгоняют ~3 из= дома= || выгнал|выгнали|выгнала|выгоняет|выгоняют ~3 на= улицу=",
      "үйден ~2 қаштым|қашып|қашам|қаштық|қуып|қуды",
      "nowhere= to= sleep|go=|stay|live=",
      "no= place ~2 sleep|stay|live=",
      "негде ~1 ночевать|спать|жить|переночевать|жыть",
      "некуда ~1 идти|пойти|деться",
      "ночую|ночевал|ночевала|сплю ~2 улице|подъезде",
      "sleep|sleepin|slept ~2 outside|street|streets|park=",
      "@NOWHERE_WORD",
      "түнейтін|түнеуге|қонатын|жататын ~1 жер|жерім ~1 жоқ",
      "баратын|барар|баратын ~1 жерім|жер= ~1 жоқ",
      "көшеде|далада ~2 қалдым|түнедім|түнеймін|жатырмын|ұйықта",
      "баспана ~1 жоқ",
      "kicked|threw|locks|locked|lockin ~2 out= ~4 home=|house=|night=|street|outside",
    ],
  },

  // ======================= added: indirect intent, goodbyes, euphemism, means ==========
  {
    id: "indirect_intent",
    cat: "suicide_self_harm",
    level: "high",
    any: [
      "bag5: i=|im=|я=|мен= @BURDEN",
      "@BURDEN ~2 for=|для=|everyone|всех|всем|бәріне|отбасыма|семьи",
      "better|лучше|легче ~3 without= me= || лучше|легче ~3 без= меня= || без= меня= ~3 лучше|легче || " +
        "менсіз ~3 жақсы|жеңіл || жақсы|жеңіл ~3 менсіз || жоқ= болсам= ~4 жақсы|жеңіл|бәріне|бәрі",
      "wont= be= ~1 problem|around|here= ~2 soon|much|longer || скоро= ~2 не= буду ~2 мешать|проблем || скоро= меня= не= будет",
      "last= day= of= my= life= || последний= день= моей= жизни= || өмірімнің ~1 соңғы= күні",
      "sleep|asleep ~3 not|never wake || уснуть|заснуть|усну|засну|уснуть ~3 не= проснуться|проснусь|просыпаться || " +
        "ұйықтап ~3 оянба|оянбай|оянбасам || ұйықтасам ~3 оянба|оянбай|оянбасам",
      "if= i= die=|died=|disappeared ~4 @NOBODY || если= я= умру=|исчезну|пропаду ~4 @NOBODY || если= меня= не= станет= ~3 @NOBODY || " +
        "өліп= қалсам|кетсем ~4 @NOBODY || өлсем=|өлсем ~4 @NOBODY || жоқ= болсам= ~4 @NOBODY",
      "@NOBODY ~3 @CRY_MISS ~3 if|если|gone|не= станет",
      "меня= не= станет= || мен= жоқ= болам|боламын || не= хочу= существовать || dont= want= to= exist= || dont= want= to= be= here= anymore=",
      "no= point ~3 livin|life|anymore || нет= смысла ~2 жить|жизни|дальше|продолжать",
    ],
  },
  {
    id: "goodbye",
    cat: "suicide_self_harm",
    level: "emergency",
    any: [
      "bag12: @FORGIVE за= всё=|все=|everythin|бәр|барлығы @THANKS_ALL/@FAREWELL",
      "не= ищите|ищи= меня=|нас= || dont= look= for= me= || мені= іздемеңдер|іздемеңіз|іздеме=",
      "wrote|written|left my= note=|leter= || оставила|написала|оставил|написал ~1 записку= ~2 на= столе|родителям|маме || " +
        "хат= жазып= қалдырдым || прощальн|предсмертн",
      "suicide= note || предсмертн",
      "wont= see= me= ~2 tomorrow|again || завтра ~2 не= увидите|увидишь || ертең ~2 көрмейсіңдер|көрмейсің|көрмейсіз",
      "bag8: @FORGIVE @FAREWELL",
      "раздаю|раздала= ~2 вещи || giving= away ~2 my= things|stuf",
    ],
  },
  {
    id: "euphemism",
    cat: "suicide_self_harm",
    level: "emergency",
    soft: true,
    any: [
      "удалиться|удалюсь|удалить= ~1 из= жизни= || удалиться|удалюсь|удалить= ~1 себя= || удалиться|удалюсь ~1 из= этого= мира= || " +
        "забанить= себя= || забанюсь= || удалюсь=",
      "выйти|выйду|выйду= в= окно= || шагнуть|шагну в= окно= || терезеден секіргім|секіремін|секірем|ыршығым",
      "уйти|уйду ~2 из= этого= мира= || покинуть|покину ~2 этот= мир= || уйду= навсегда= || leave|leavin this= world= || " +
        "go= away= forever= || go= away= for= good= || " +
        "бұл= дүниеден|өмірден ~1 кеткім|кетемін|кетем= || мәңгі= ~1 кетемін|кетем=",
      "tired= of= livin=|life= || устала|устал|задолбалась|надоело от= жизни= || устала|устал= жить=",
      "о= дүниеге ~1 аттан|кетк",
      "see=|join=|meet=|be= ~3 in= heaven= ~3 tonight=|today=|soon=|tomorow= || встречусь|увижусь|встретимся|vstrechus|uvizhus ~3 на= небесах|небе|nebesah",
      "rage= quit= ~1 life=|existence= || quit=|quitin= ~1 life=|existence=|existin= || subscription= to= life=|existence=|livin=",
      "sewer= slide=|slid= || goodnight=|night= forever=",
      "go= to= sleep= forever= || sleep= forever= || уснуть= навсегда= || мәңгі= ұйықта",
    ],
  },
  {
    id: "means_place",
    cat: "suicide_self_harm",
    level: "emergency",
    any: [
      "bag5: i=|im=|я=|мен= @STAND_ON @HEIGHT ~2 now=|rn=|сейчас=|щас=|қазір=|edge|краю|шетінде",
      "bag6: @STASH @PILL",
      "bag5: мылтық|мылтыг|myltyk|myltyg|ружье|ружьё|ruzhe|rifle|пистолет|pistolet алдым|aldym|взяла|vzyala|took=|bulets|патрон|patron",
      "қабаттан|кабаттан|kabattan|qabattan|этаждан|etajdan|этажа|etaja ~2 ұшқым|ушкым|ushkym|секіргім|секиргим|sekirgim|құлағым|кулагым|секіремін|секиремин",
      "поезд|пойыз|poezd|poiyz ~0 жолы|жолынын|жолының|zholy|jolynyn|zholynyn ~2 @POSTURE/үстінде|устинде|ustinde|үстіндемін|устиндемин",
      "я=|ya=|ja= на=|na= крыше|kryshe|мосту|mostu",
      "bag12: locked|заперлась|закрылась|zaperlas|zakrylas|жабылып|қамап @SELF/herself/himself/себя @BLADE/@PILL/@ROPE/@WEAPON/таблетк",
      "bag10: @HEIGHT wont|refuses|doesnt come= down= || bag10: @HEIGHT не= слезает|slezaet|слезать|спускается || bag10: @HEIGHT түспейді|туспейди|tuspeidi",
      "bag6: stand|standin|стою=|лягу=|лечь=|lie=|жатамын|тұрмын @TRACKS",
      "bag4: @HEIGHT edge|краю|краешке|шетінде|ledge|шетіне|шетине|shetine",
    ],
  },
  {
    id: "blades",
    cat: "suicide_self_harm",
    level: "high",
    any: ["bag5: @BUY @BLADE", "bag6: @STASH @BLADE"],
  },
  {
    id: "third_party",
    cat: "suicide_self_harm",
    level: "emergency",
    any: [
      "bag12: do= it= tonight= @PILL || bag10: прыгнет|prygnet|спрыгнет|sprygnet|секіреді|секиреди|sekiredi|jump= @PHONE_OFF/@FAREWELL/выключил|vykluchil|vyklyuchil || hang|hangin|cut= herself=|himself=|themselves ~2 tonight|today|now|soon|tomorow || shoot ~0 herself=|himself= ~2 tonight|today|now|soon|tomorow || kil= herself=|himself= || wil= kil= herself|himself || убьет=|убьёт= себя= || покончит ~2 с= собой= || " +
        "өзін= өлтіреді|өлтірмек|өлтірем= || өзіне= қол= салады|салмақ|жұмсайды|жұмсамақ|жұмсамақшы",
    ],
  },
  {
    id: "third_party_overdose",
    cat: "overdose",
    level: "emergency",
    any: [
      "bag10: @PILL/@INGEST/@INGEST_STRONG wont= wake || bag10: @PILL/@INGEST/@INGEST_STRONG not= waking || " +
        "bag10: @PILL/@INGEST/@INGEST_STRONG не= просыпается|просыпаются|просыпаеться || bag10: @PILL/@INGEST/@INGEST_STRONG оянбай|оянбайды|оянбады",
    ],
  },
  // ======================= added: violence without a pronoun, being locked in, taken ====
  {
    id: "drunk_weapon",
    cat: "violence_now",
    level: "emergency",
    any: ["bag12: @DRUNK @WEAPON", "bag12: @WEAPON @HIDE", "bag10: @DRUNK @HIDE"],
  },
  {
    id: "locked_in",
    cat: "violence_now",
    level: "high",
    now: true,
    any: ["@LOCK ~2 me=|меня=|мені=|мя=|us=|нас=|бізді= || @LOCK ~3 подвал|подвале|кладовк|сарай|basement|бөлмеге|бөлмеде|жертөле"],
  },
  {
    id: "abduction",
    cat: "violence_now",
    level: "emergency",
    any: [
      "@ABDUCT",
      "bag8: @FORCED_IN @CAR",
      "dont= know= where= i= am= || не= знаю= где= я= || қайда= екенімді= білмеймін || қайдамын=",
    ],
  },
  // ======================= added: sexual abuse told by euphemism, grooming ============
  {
    id: "sexual_euphemism",
    cat: "sexual_abuse",
    level: "high",
    any: [
      "bag10: @COMES_IN @ROOM_NIGHT night|nights|ночью|ночам|түнде|түн=",
      "bad|weird|gros things|stuf ~2 to= me=|with= me= || does|do ~1 bad|weird things|stuf to= me= || " +
        "делает ~3 плохие|странные|нехорошие|всякие вещи= || плохие|странные|нехорошие вещи= ~3 со= мной= || " +
        "маған ~2 жаман= нәрселер|нәрсе|істер || жаман= нәрселер|нәрсе ~2 істейді|жасайды",
      "bag12: @BELIEVE_ME @TOUCH/@GRAB/@SECRET/@COMES_IN/@UNDRESS",
      "bag6: @GRAB @ME/@ME_DAT there|там|бөксе|кеуде|между",
      "bag8: stepbrother|сводный|өгей|двоюродный|cousin @TOUCH/@GRAB/@UNDRESS/@COMES_IN @ME/@ME_DAT",
    ],
  },
  {
    id: "grooming_meet",
    cat: "threats_sextortion",
    level: "high",
    any: [
      "bag14: @MEET @HUSH",
      "bag12: @GROWN @MEET @GIFT",
      "bag12: @GROWN @MEET how= old|age=|лет=|жасың",
      "dont= tel ~2 parents|mom|mum|dad|anyone ~10 @MEET/@GIFT || @MEET/@GIFT ~10 dont= tel ~2 parents|mom|mum|dad|anyone",
      "не= говори|рассказывай ~2 родителям|маме|папе|никому ~10 @MEET/@GIFT || @MEET/@GIFT ~10 не= говори|рассказывай ~2 родителям|маме|папе|никому",
    ],
  },
  // ======================= added: threats in any order, conditional threats ============
  {
    id: "threat_any_order",
    cat: "threats_sextortion",
    level: "high",
    any: [
      "bag5: @KILL_OTHER тебя=|you=|сені=|сен= @SAID",
      "if|если|егер ~4 tel|скажешь|расскажешь|айтсаң|пожалуешься ~4 @KILL_OTHER/@STAB",
      "@KILL_OTHER ~3 if|если|егер ~3 tel|скажешь|расскажешь|айтсаң",
      "айтсаң ~2 өлтіремін|өлтірем=|сойып",
    ],
  },

  // ======================= added: grooming by signals (two of: gifts, secrecy, age, app, flattery, photo, meeting) ==
  {
    id: "grooming_signals",
    cat: "threats_sextortion",
    level: "high",
    any: [
      // game currency with a request, an invitation, a secret, flattery or a private app
      "bag14: @G_GIFT_GAME @G_SECRET/@G_INVITE/@G_FLATTER/@PHOTO/@G_APP",
      "bag14: @G_GIFT_GAME not=|не=|dont= tel=|говори|говорить|рассказывай|показывай",
      // flattery with a secret, an invitation, a photo or the night
      "bag14: @G_FLATTER @G_SECRET/@G_INVITE/@G_NIGHT",
      "bag10: @G_FLATTER @G_ASK @PHOTO",
      "bag12: @G_APP @G_MOVE/@G_INVITE @G_ASK @PHOTO",
      // an adult who gives gifts or writes at night and asks for secrecy
      "bag14: @G_ADULT @G_GIFT/@G_NIGHT @G_SECRET",
      "bag14: @G_ADULT @G_GIFT @G_INVITE",
      "bag10: @G_GIFT/@G_GIFT_GAME address|адрес|adres|мекенжай|mekenjai|mekenzhai || bag14: @G_GIFT/@G_GIFT_GAME где= ~1 живу|живешь|zhivu|jivu|zhivesh",
      "жасырын|jasyryn|zhasyryn|jasyrun|тайно|taino|secretly ~1 кездес|kezdes|встрет|vstret|meet",
      "run= away= with= him= || age= is= just= a= number=",
      // a photo in a swimsuit or undressed, asked for
      "bag8: @G_ASK/@G_ADULT @PHOTO @SWIMSUIT",
      "bag8: @G_ASK видеозвон|videozvon|видеосвязь|камеру|камераны|camera|video= || video= call= ~4 night|parents|alone",
      "mature|взрослая|взрослой|взрослее|зрелая ~2 for=|для ~2 my=|your|своих|своего age=|возраста|лет=",
      "@G_ASK/просит|говорит|says|tells|сказал|skazal|said|told|велит|дейді|деді ~3 удаля|удалить|удалял|udalyat|udalit|delete ~2 переписк|perepisk|messages|chat|chats",
    ],
  },
  {
    id: "grooming_age_app",
    cat: "threats_sextortion",
    level: "high",
    all: [
      "how= old= ~2 i=|im=|you=|are= || ask=|asks|asked ~2 my=|your= age= || сколько|skolko ~2 мне=|тебе|mne=|tebe ~1 лет=|let= || " +
        "спросил|спрашивает|спросила|узнал ~3 возраст|лет= || жасым|жасымды|жасыңды|жасың|жасын|жасынды ~3 сұрады|сұрап|сұрайды|сұраған|нешеде|қанша|неше || " +
        "неше=|қанша=|канша= ~1 жастасың|жастасын|жаста=|жастамын || my= age=",
      "@G_MOVE ~3 @G_APP || @G_APP ~3 @G_MOVE || @G_ASK ~3 @G_APP || @G_ASK ~3 @PHOTO || @PHOTO ~3 @G_ASK || @G_INVITE || @G_GIFT_GAME || @G_FLATTER",
    ],
  },
  {
    id: "grooming_secret_pair",
    cat: "threats_sextortion",
    level: "high",
    all: [
      "@G_SECRET || dont|not=|never ~1 tel=|telin ~3 parents|mom=|mum=|dad=|anyone|anybody|others|your || between= us= || " +
        "не= говори|говорить|рассказывай|рассказывать|показывай|говорила ~2 родителям|маме|папе|мамке|никому || " +
        "родителям|маме|папе|мамке ~1 не= говори|говорить|рассказывай|показывай || между= нами= || " +
        "чтобы|чтоб ~3 мама|папа|родители|никто ~1 не= знал|знала|знали|видела|видели|узнал|узнали || без= родителей|мамы",
      "@G_GIFT_GAME || @G_MOVE ~3 @G_APP || @G_APP ~3 @G_MOVE || @G_ASK ~3 @PHOTO || @PHOTO ~3 @G_ASK || @G_FLATTER || " +
        "@PHOTO ~2 түсіреді|тусиреди|tusiredi|түсірді|тусирди|tusirdi|снимает|snimaet|films|filming|recordin || " +
        "@G_ADULT ~6 @G_GIFT/@G_INVITE/@G_NIGHT",
    ],
  },
  // ======================= added: locked in, not let out ==================================
  {
    id: "confined",
    cat: "violence_now",
    level: "high",
    now: true,
    any: [
      "bag5: @CONFINE @ME/@CONFINE_PLACE",
      "bag8: @LET_OUT/@CONFINE @NO_FOOD",
      "@LET_OUT ~3 @CONFINE_PLACE/из=|дома=|үйден|уиден|сыртқа|сыртка ~4 неделю|месяц|дня|дней|days|week=|күн=|кун=|күннен|куннен|апта|айдан|школу|мектепке|телефон",
      "bag6: @CONFINE_PLACE/@ME жауып ~1 кетті|қойды|кетти|койды|ketti|qoidy|koidy",
      "bag6: havent|not= ~2 let= out=",
      "на= ключ ~3 уехали|ушли|ушла|ушел || кілтті ~2 алып",
    ],
  },
  // ======================= added: taken, followed, held ===================================
  {
    id: "abduction_signals",
    cat: "violence_now",
    level: "emergency",
    any: [
      "bag8: @PUT_IN/@ABDUCT @CAR @STRANGER/@WHERE_UNKNOWN",
      "bag8: @PUT_IN @CAR ~6 не= знаю|білмеймін|bilmeimin|dont= know || bag10: @CAR @WHERE_UNKNOWN білмеймін|bilmeimin|билмеймин",
      "везут|vezut|апарып|апара ~3 куда|kuda|қайда|кайда|qaida || @WHERE_UNKNOWN ~3 апара|апарып|везут|vezut",
      "bag10: @FOLLOW/за= @SEIZE/қолымнан|колымнан|arm=|руку",
      "bag8: за= мной= идет|идёт|шел|шёл|ідет",
      "bag6: man=|guy=|someone|мужик|мужчина @FOLLOW/following",
      "bag6: @CAR @FOLLOW/slowin=|slows=",
      "bag10: @CAR/@STRANGER/strangers wont|doesnt|wouldnt|didnt|не= let= me= out=|go= || bag10: @CAR/@STRANGER/strangers не= выпускает|отпускает|vypuskaet|otpuskaet",
      "меня= держат ~4 квартир|доме|подвал || мені ~3 ұстап= отыр || не= знаю= адрес",
      "таксист|такси|taksi|жүргізуші|водитель|driver ~4 не= туда || двери|есікті|есигі|dveri ~1 заблокировал|ашпайды|ашылмайды|zablokiroval|locked || " +
        "басқа|баска ~1 жаққа|жакка ~1 бұрылды|бурылды|бұрып|бурып",
      "bag8: алып|әкетті|забрал|took= ~3 кетті|unknown|неизвестн|незнаком|біреу|who= he= is=",
    ],
  },
  // ======================= added: goodbye notes without the word goodbye ==================
  {
    id: "goodbye_signals",
    cat: "suicide_self_harm",
    level: "emergency",
    any: [
      "@DECIDED ~3 @TONIGHT",
      "@DECIDED ~4 умру=|умереть|umru=|umeret|покончу|покончить|pokonchu|die=|өлемін|олемин|olemin|өлуге|олуге|oluge",
      "@NOTE ~6 pillow|drawer|desk|textbook|backpack|diary|жастығ|жастыг|jastyg|zhastyg || by= the= time ~5 be= gone|dead",
      "bag10: @NOTE/@GIVE_AWAY/passwords|password|пароль|пароли|парольдер wont= be= needin|usin",
      "bag8: @NOTE @NOT_FAULT/@FORGIVE/@DECIDED/@TONIGHT/@FAREWELL/@THANKS_ALL",
      "@NOTE ~4 подушк|podushk || @NOTE ~4 ящике|ящик|yashike|шкаф|shkaf|рюкзак|тетрад|жастығым|жастыгым|pillow|backpack|drawer|" +
        "үстелдің|устелдин|üsteldiñ|столдың|столдын ~1 үстіне|үстінде|устине|устинде",
      "bag8: @GIVE_AWAY/@FAREWELL/@THANKS_ALL не= понадоб|нужн|нужны|надо= || wont|dont ~1 need= ~3 anymore || маған|маган|magan ~1 енді|endi ~1 керек|kerek ~1 емес|emes || " +
        "маған|маган|magan ~1 керек|kerek ~1 емес|emes ~1 енді|endi || мне= ~2 больше= не= нужны|понадоб|нужен|нужна|надо",
      "bag10: @THANKS_ALL @FORGIVE ~1 меня|мені|мени|meni|me= || bag10: @THANKS_ALL кешіріңдер|кешириндер|кешіріңіздер|keshirinder|простите|prostite",
      "bag12: @THANKS_ALL/@FORGIVE/@FAREWELL не= ищите|ищи || іздемеңдер|іздемеңіз|іздеме=|издемендер|издемениздер|izdemender || ne= ishite|iwite",
      "қош|қоштасамын|kosh|сау=|sau= ~1 болыңдар|болындар|bolyndar ~8 @DECIDED/@TONIGHT/мүлдем|бітті|жол= жоқ=|кетемін|кешір|keshir",
      "@DECIDED/@TONIGHT/@FORGIVE ~8 қош|kosh|сау=|sau= ~1 болыңдар|болындар|bolyndar",
      "последн ~1 что= ~1 пишу|напишу|pishu || last= thing= i= ~1 write|say",
      "пока= навсегда= || bye= forever= || всем= пока= || last= post|message ~4 sory|love|forgive || последн ~1 сообщени|пост ~4 спасибо|простите|прости|люблю|грустите || " +
        "пишу ~2 последний|poslednii || в= последний|poslednii ~1 пишу|pishu || соңғы|ақырғы|акыргы|akyrgy|aqyrgy= рет=|ret= ~1 жазып|жазамын|zhazyp|jazyp || соңғы= хабарым || сонгы= жазатыным",
      "завтра|скоро|zavtra ~2 меня|menya ~1 уже= не= будет || завтра ~2 вы= меня= ~1 не= увидите || ертең|ертен ~2 мені|мени ~1 көрмейсіңдер|корменсиндер|кормейсиндер || " +
        "енді|endi ~1 көрмейсіңдер|кормейсиндер|kormeisinder",
      "ешкім|ешким|eshkim|никто ~1 кінәлі|кинали|kinali|не= виноват ~3 @DECIDED/өзім|ozim",
    ],
  },
  // ======================= added: self-harm told by its marks and methods ==================
  {
    id: "self_harm_signals",
    cat: "suicide_self_harm",
    level: "high",
    any: [
      "bag5: @BURN @SELF/@BODY/@LIGHTER/қолымды|колымды|білегімді|билегимди|руку|arm=",
      "bag8: @SCARS прячу|скрываю|hide|hidin|cover|көрінбесін|коринбесин|жасырамын|браслет|рукав|sleeves|hoodie|hoodies|жең=|свитер",
      "bag8: жазда|летом|summer|july ~4 long= sleeves|ұзын= жең=|рукав|свитер|hoodie",
      "@SELF_HIT ~3 @SELF/басымды|басымды|головой|голову|лицу|ногам || бью=|била|бил=|bila|bil= ~1 себя|sebya|sebia || hit=|punch ~1 myself || " +
        "punch ~1 walls|wall= ~3 bleed|blood || басымды|басымды|basymdy ~1 @HEAD_WALL || головой ~2 об= стену",
      "қан=|кан=|kan=|qan= ~1 шыққанша|шыкканша|shykkansha|shyqqansha|шыққанға|шыкканга|кеткенше",
      "өзімді|озимди|ozimdi|özımdı ~2 ұрамын|урамын|uramyn|соғамын|согамын|sogamyn || i= bang=|hit=|punch=|slam= ~1 my= head= ~3 on=|against=|into=",
      "carved|carve=|carvin ~4 into= ~1 my= arm=|arms=|leg=|legs=|skin=|wrist=|wrists=|thigh=|thighs= || been= cutin=|cuting= ~2 for= ~2 months=|years=|weeks=|like=",
      "тырна|tyrna|жыртамын|scratch ~6 қан=|кан=|kan=|blood|циркуль|tsirkul",
      "циркуль|tsirkul ~3 тырна|tyrna|кес|kes || циркульмен|tsirkulmen",
      "опять|снова|again|тағы|тагы|агаін|opyat|опять ~2 порезал|режусь|rejus|cut=|cutin|кестім|кесип|кесіп || порезал|режусь|cut=|cutin|кестім ~2 again|опять|снова|тағы|тагы",
      "@CUT ~2 too= deep= || глубок|glubok ~1 порез|porez || кестім|кесип|kesip ~1 тереңірек|терең",
      "режусь|rejus ~2 уже=|опять|снова|год=|месяц|давно|каждый",
      "тушу ~2 сигарет|об= руку || сигаретой|зажигалкой|темекімен|зажигалкамен ~3 руку|қолымды|колымды|себя|күйдір|kuidir",
    ],
  },
  {
    id: "self_harm_bleeding",
    cat: "suicide_self_harm",
    level: "emergency",
    any: [
      "bag10: @CUT/кесіп|кесип|kesip|режу|rejus|порез|порезала|cutin @BLEED",
      "bag6: @BLEED @STOP_NOT || bleedin ~2 lot= || a= lot= of= blood || кровь|krov ~1 не= останавлива|течёт|течет",
    ],
  },
  // ======================= added: threats said as a condition, a place and a time ===========
  {
    id: "threat_signals",
    cat: "threats_sextortion",
    level: "high",
    any: [
      "@IF_TELL ~5 тауып|tauyp|tauip ~1 аламыз|аламын|alamyz|alamyn || @IF_TELL ~5 найдем|найдём|найду|naidem|naidu",
      "пышақпен|пышакпен|pyshakpen|pyşaqpen ~2 тіліп|тилип|tilip|сойып|жарам|өлтір|олтир|oltir|келем|келемін|келеді|келеди|keledi|kelem || " +
        "придёт|придет|приду|придут|pridet|pridut ~2 с= ножом|ножами|пистолетом|nozhom",
      "@IF_TELL ~5 @HARM_FUT/@KILL_OTHER || @HARM_FUT/@KILL_OTHER ~4 если|егер|if= ~3 @IF_TELL || @HARM_FUT ~3 если|esli|егер ~2 пожалуюсь|расскажу|proboltayus",
      "тірі|тири|tiri|тiрi ~1 қалмайсың|калмайсын|kalmaisyn|қалдырмаймын|калдырмаймын|qaldyrmaimyn",
      "bag10: @HARM_STRONG после|after|кейін|кейин|keiin|ертең|ертен|erten|завтра|zavtra|школы|shkoly|мектептен",
      "bag10: @SAID/пишут|pishut|сказали @HARM_STRONG меня=|menya|тебя=|мені|сені|seni",
      "bag10: @FIND_YOU @WAIT_FOR/coming|приедет|приду|келемін|келем=",
      "знаю|знаем|знает|know|knows ~2 где=|gde=|where ~2 ты=|живешь|живёшь|i=|you= ~2 live|живу|живешь|shkole|школе",
      "@KILL_OTHER/@HARM_FUT дейді|деді|deidi|dedi|деп=|dep=|говорит|сказал",
      "мне=|тебе|mne= ~1 конец|hana|хана ~4 если|esli || если|esli ~4 мне=|тебе ~1 конец|хана",
    ],
  },
  // ======================= added: violence happening now without a victim pronoun =========
  {
    id: "violence_now_signals",
    cat: "violence_now",
    level: "emergency",
    any: [
      "@BREAK_V ~2 @DOOR || @DOOR ~2 @BREAK_V",
      "с= ножом=|топором=|nozhom=|toporom= ~2 ходит=|стоит=|идет=|идёт=|бегает=|гоняется=|hodit=|stoit=|idet= || " +
        "пышақпен|пышакпен|pyshakpen|балтамен|baltamen ~3 мамаға|мамага|анама=|маған=|маган=|бізге=|бизге=|қарай=|карай=|karai=|идет=|идёт=|жүр=|жур=|келе",
      "ломится|ломятся|lomitsya ~2 ко= мне=|в= ванную|в= комнату|в= квартиру",
      "@SHOUT ~3 @KILL_OTHER/@HARM_FUT",
      "bag6: @WEAPON гоняет|гоняется|кинулся|бросился|идет= на=|идёт= на=|идет|қуып",
      "пышақ|pyshak|pyşaq ~1 алып ~1 тұр=|тур=|tur=",
    ],
  },
  // ======================= added: sexual abuse told without the word ======================
  {
    id: "sexual_abuse_signals",
    cat: "sexual_abuse",
    level: "high",
    any: [
      "жаман|jaman|zhaman ~1 жерім|жерлер|жерлерім|жерден|жерімнен|zherim|zherl|zherden|jerl ~2 ұста|уста|usta|ūsta || ұстай|устай|ustai ~1 береді|береди|beredi ~4 ұнамайды|унамайды|айтпа|aitpa|құпия|купия|kupiya|жаман",
      "bag8: @ME/@ME_DAT ұстай|устай|ustai|ұстайды|устайды|ustaidi @G_SECRET/ұнамайды|унамайды|unamaidy|жалғыз|жалгыз|zhalgyz|qaldyryp|қалдырып|калдырып",
      "makes|made|forces|заставля|zastavl ~3 do=|делать|delat|смотреть|smotret ~2 stuf|things|всякое|вещи|veshi|такое|взрослые|vzroslye",
      "bag8: @FORCE do= stuf|things || нәрселер|нарселер|нәрсе ~1 істетеді|истетеди|істетті|истетти",
      "bag10: @COMES_IN/заходит|заходил|приходит|prihodit|zahodit|ложится|lozhitsya|жатады|жатты|кіреді|кіріп ко=|к=|қасына|қасыма|жанына|жаныма|касына|кровать|төсегіме|tosegime @G_NIGHT",
      "bag6: ко=|k= мне=|mne=|ней=|nei= ночью|no4yu|nochyu|ночам",
      "лезет|лезть|lezet ~3 футболку|юбку|одежду|кофту || лезет|ломится ~1 ко= мне=",
      "bag8: @UNDRESS/киімін|kiımın|киіміңді|kiimindi @PHOTO/суретке|фоткал|снимал|шеш|шешіп|sheship",
      "киіміңді|киимінді|одежду ~1 шеш|сними || переодева|pereodeva ~3 смотрит|заходит|подгляд || смотрит|заходит|подгляд ~3 переодева",
      "тізесіне|тиземе|тіземе|тизесине|колени|koleni|lap= ~6 ұста|уста|лезет|трога|touch|гладит|қолын",
      "гладит|трогает|трогал|gladit|trogaet|touches|touched ~3 там= где=|где= нельзя|places|ways|по= ногам|жерлер",
      "our=|наш=|біздің|бизин|bizdin|bizdiñ ~1 secret|секрет|құпия|құпиямыз|купиямыз|kupiyamiz ~8 @G_SECRET/ұста|уста|трога|touch|сенбейді|поверит|расстроится|sad|tel",
      "bag10: @NOBODY/мне|маған @BELIEVE_ME @AGENT/сводный|өгей|отчим|stepbrother",
      "кіргісі|киргиси|kirgisi ~1 келеді|келеди || кіргелі|киргели ~1 жатыр || есігімді|есикти ~1 ашайын || trying ~2 get= in=|into ~2 room=",
      "bag8: @AGENT/he=|hes=|он=|ол= room=|бөлмеме|бөлмемде|болмеме|комнате|ванную|door=|есіктің|есикти now=|rn=|сейчас|щас|қазір|казир|again|тағы|опять",
      "bag8: жуынып|душ=|душе=|душа=|душу=|душем=|душевой|душевую|ванна|ванной|ванную|ванне|ваннада|ваннаға|shower кіріп|заходит|comes|әдейі",
    ],
  },
  // ======================= added: places, means and euphemisms of a plan ===================
  {
    id: "plan_place",
    cat: "suicide_self_harm",
    level: "emergency",
    any: [
      "на=|na= крыше|kryshe|мосту|mostu|перилах|perilah|краю|krayu ~2 стою=|stoyu=|stoju=|сижу=|sizhu=|лежу=|сейчас=|seichas=|щас=|одна=|odna=|один=|odin=",
      "көпірдің|копирдин|kopirdin|крышаның|крышанын|kryshanyn|шатырдың|шатырдын|shatyrdyn ~1 үстіндемін|устиндемин|ustindemin|шетіндемін|шетиндемин|shetindemin|шетінде|шетинде|shetinde || " +
        "көпірдемін|копирдемин|kopirdemin|көпірдің= үстіндемін",
      "қоршаудан|коршаудан|korshaudan|перил|peril|railin|rail=|fence ~2 асып|asyp|шығып|перелез|перелезла|perelezla|climbed|over",
      "wrong= side= ~2 railin=|rail=|fence=|barier=|bridge= || leanin=|lean= ~1 over= ~3 rail=|railin=|edge=|balcony=|ledge=",
      "on=|at= the= ~2 roof=|rooftop=|bridge=|ledge=|tracks=|railway=|railin= ~5 rn=|now=|alone=|edge=|sitin=|standin=|windy=|leanin=|wrong=",
      "@POSTURE ~3 roof=|крыш|kryshe|мосту|моста|mostu|bridge|көпір|копир|перила|perila|railing|ledge",
      "крышада|kryshada|крышадамын|көпірдің|копирдин|мост= ~1 үстінде|устинде|үстіндемін ~3 @POSTURE/@LOOK_DOWN/қазір|казир|щас",
      "крышада|kryshada|крышадамын|kryshadamyn|шатырда|shatyrda ~3 @POSTURE/@LOOK_DOWN/вниз=|vniz=|төмен=|томен=|tomen=|қазір=|казир=|kazir=|щас=|сейчас=|seichas=|этаж|etaj|қабат|кабат|kabat",
      "в= окно= ~1 шагнуть|шагну=|shagnut|прыгнуть|prygnut|выйти=|vyiti=",
      "bag6: @PILL санап|sanap|посчитала|посчитал|считаю|counted|countin",
      "bag10: @PILL алдым|aldym|взяла|vzyala|took=|достала|dostala|спрятала последний|poslednii|соңғы|сонгы|songy|last=|навсегда|мәңгі",
      "bag6: @HEIGHT/крышада|kryshada @LOOK_DOWN || төмен|томен|tomen ~1 қарап|карап|karap ~1 тұрмын|турмын|отырмын|otyrmyn",
      "bag5: @POSTURE/жанында|қасында|касында|кастында @RAILS || bag6: @POSTURE/жанында|қасында|касында темір|темир|temir жол=|жолдың|жолдын|zhol=|jol=",
      "bag8: @ROPE @TIE || @ROPE ~4 байлап|baylap ~1 қойдым|койдым|koidym",
      "bag6: @BLADE алып|алдым|взяла|взял|took=|спрятала|спрятал|сумкама|сумку",
      "sitin|sit=|сижу|sizhu|отырмын ~3 подоконник|podokonnik|windowsil ~6 открыт|otkryt|open|этаж|etaj|floor",
    ],
  },
  {
    id: "euphemism_more",
    cat: "suicide_self_harm",
    level: "emergency",
    soft: true,
    any: [
      "bag6: @SELF/жизни=|жизнь|өмірден|омирден|omirden|life удали|удалю|udali|deaktiv|деактив|выпил|delete",
      "самовыпил|samovypil || @WANT_DIE роскомнадзор",
      "в= окно= ~2 шығып|шыгып|выйти|выйду|vyiti|vyidu|шағып || из= окна= ~2 шығып|шыгып || терезеден|terezeden ~1 шығып|шыгып|shygyp ~1 кетем|кеткім|кеткым|кетемін|кетем= || " +
        "hochu|хочу ~1 vyiti|viyti ~1 v= okno || going= out= the= window",
      "өмірден|омирден|omirden ~2 шығып|шыгып|кеткім|кеткым ~1 кетем|кетемін|келеді || бул=|бұл= ~1 омирден|өмірден ~1 де= шыгып",
      "дүниемен|дуниемен|duniemen|өмірмен|омирмен|omirmen|жарық= дүниемен ~1 қоштасамын|коштасамын|koshtasamyn|қоштасқым|коштаскым|koshtaskym|қоштасам|коштасам",
      "терезеден|terezeden|балконнан|балкондан|balkonnan|balkondan|крышадан|kryshadan|шатырдан|shatyrdan|көпірден|копирден|kopirden ~2 ұшып|ушып|ushyp|секіріп|секирип|sekirip|құлап|кулап|kulap ~1 кеткім|кеткым|ketkim|кетемін|кетемин|ketemin",
      "өмірден|омирден|omirden|дүниеден|дуниеден|dunieden ~3 кетуге|ketuge|шығуға|шыгуга|shyguga ~1 дайынмын|даиынмын|daiynmyn|daiinmin",
      "шагнуть|шагну|shagnut|shagnu|прыгнуть|прыгну ~2 с= балкона|крыши|окна|моста|balkona|kryshi|okna|mosta",
      "уходить|ухожу|uhodit|uhozhu|уйти|уйду ~3 из= этой= жизни=|zhizni= || уходить|ухожу|uhodit|uhozhu|уйти|уйду ~2 из= этого= мира=|mira= || вечный=|вечным=|vechnyi=|vechnij= ~0 сон=|сном=|son=|snom=",
      "@KETKIM ~2 навсегда|forever || кетемін|кетем= ~1 біржола|мүлдем ~4 бүгін|оралмаймын",
      "unalive ~1 @SELF || kms= tonight|today|rn=",
    ],
  },
  {
    id: "indirect_more",
    cat: "suicide_self_harm",
    level: "high",
    any: [
      "менің|менин|menin соңғы|сонгы|songy күнім|куним|kunim || соңғы|сонгы|songy күнім|куним|kunim шығар|болар || бүгін|бугин|bugin соңғы|сонгы|songy күнім|куним|kunim || " +
        "мой= последний= день= || сегодня ~1 последний= день= || last= night ~3 decided|tonight",
      "түнде|тунде|tunde|tonight|ночью ~2 бәрі|бари|bari|всё|все=|everythin ~1 бітеді|битеди|bitedi|закончится|ends|кончится",
      "қайтып|кайтып|qaitip|kaitip|qaityp ~1 оянбасам|oyanbasam|oianbasam",
      "ешкімге|ешкимге|eshkimge ~1 керек|kerek ~1 емеспін|емеспин|emespin || ешкімге|ешкимге|eshkimge ~1 керегім|керегим|keregim ~1 жоқ|жок|zhok|joq",
      "whats=|what= the= point ~3 бәрібір|барибир|baribir|ешкім|ешким|eshkim|anymore= || whats=|what= the= point= of=|in= livin=|life=|existin=",
      "оянбай|ояնбай|oyanbai ~1 қалсам|калсам|kalsam || не= проснуться|проснусь ~3 хочу|бы=|завтра || больше= не= проснуться",
      "мен=|men= ~1 болмасам|болмасан|zhok= bolsam ~4 жеңіл|жаксы|жақсы|тыныш|тыныш|tynysh|оңай || happier|better ~3 if= i= was=|were ~1 gone|dead",
      "ешкімге|ешкимге ~2 мәселе|проблема|проблем ~1 болмаймын || проблема ~1 болмайтын|болмаймын",
      "@BURDEN/жүк ~1 болып|болыпжүрмін || ауыр= жүк=",
      "өзін|өзімді|озин|озимди ~1 асып|асам|асамын|асып= аламын",
      // no tomorrow, no point, nobody would notice, a plan already made
      "оянғым|оянгым|oyangym|ояңғым ~1 келмейді|келмейди|kelmeidi ~3 ешқашан|ешкашан|мүлдем|мәңгі|мангы|никогда|вообще || " +
        "ертең|ертен|erten ~1 оянғым|оянгым|oyangym ~1 келмейді|келмейди|kelmeidi || мәңгі|мангі|mangi|mäñgi ~1 ұйықтап|уктап|uiktap|ūiyqtap",
      "уктап|uktap ~3 оянбасам|оянбай|oyanbasam || tired= of= wakin || point= of= wakin|livin|tryin || even= the= point ~1 anymore || the= point= anymore=",
      "ертеңім|ертеним|ertenim ~1 болмайды|болмайды|bolmaidy|жоқ|жок || ертеңге|ертенге ~1 дейін|дейин ~1 жетпеймін|жетпеймин",
      "мені|мени|meni ~1 жоқ|жок|zhok ~1 деп ~1 есепте",
      "бәрі|бари|bari|bärı ~1 ойластырылған|ойластырылган|oilastyrylgan|oilastyrylğan",
      "ертең|ертен|erten ~2 мені|мени|meni ~1 ешкім|ешким|eshkim ~1 көрмейді|кормейди|kormeidi|іздеме",
      "soon ~3 wont= be ~1 anyones|a= problem|burden",
      "кетсем|ketsem|құрысам|курысам|жоғалсам|жогалсам|joğalsam|jogalsam ~4 тыныш|тыныштал|tynysh|tynyş|құтыл|кутыл|kutyl|qūtyl|жеңіл|бақытты|бакытты",
      "өліп|олип|olip ~1 қалсам|калсам|kalsam ~5 жыламайды|жыламас|бәрібір|барибир|байқамайды|байкамайды",
      "nobody|noone|ешкім|ешким|eshkim ~4 notice|байқамайды|байкамайды|baikamaidy ~4 if=|didnt|жоқ|жок|zhok|жоғалсам",
      "лучше= бы ~3 не= рожал|рожала|родила|родил",
      "смысл|smysl ~2 во= всем|всём|vsem ~1 этом|etom",
      "ешнәрсенің|ешнарсенин|бәрінің|баринин|мұның|мунын|ештеңенің ~1 мәні|мани|мағынасы|магынасы ~1 жоқ|жок|бар",
      "bag8: @PILL бәрін|барин|barin ~1 ішсем|ишсем|ishsem",
      "dont= see= myself ~2 existin|bein|alive|here ~2 next",
      "қоштасу|коштасу|koshtasu|goodbye ~2 пост|post|story|сторис|жаз=|жазып|салды|saldy|жазыпты",
    ],
  },
  // ======================= second pass: indirect intent in every script ======================
  {
    id: "indirect_2",
    cat: "suicide_self_harm",
    level: "high",
    any: [
      // everyone would be better off, easier, calmer without me / if I were gone
      "без= меня=|menya=|menja=|mnya= ~3 всем=|им=|ей=|маме|родителям|семье|vsem=|im=|ei=|mame|roditelyam ~3 @EASIER || @EASIER ~5 без= меня=|menya=|menja= || менсіз|mensiz|менсиз ~5 @EASIER/лучше|luchshe|жақсы|жаксы|jaksy|zhaksy || " +
        "@EASIER/лучше ~3 менсіз|mensiz|менсиз || @EASIER ~3 without= me= || better= off= without",
      "мен=|men=|мені=|мени=|meni= ~1 жоқ=|жок=|joq=|zhok=|jok= ~1 болсам|болса=|bolsam|bolsa=|болып ~8 @EASIER/лучше|luchshe|better || " +
        "мен=|men= болмасам|bolmasam|болмасам ~8 @EASIER/лучше|luchshe|better || @EASIER/лучше|luchshe ~6 мен=|men=|мені=|meni= ~1 жоқ=|жок=|zhok= ~1 болсам|болса= || " +
        "жоғалсам|жогалсам|jogalsam|zhogalsam|жоғалып|жогалып|jogalyp|zhogalyp|joğalyp|кетсем|ketsem ~6 @EASIER/дұрыс|durys",
      "если|esli ~2 меня|menya ~1 не= будет|станет ~6 @EASIER/лучше || if= i= was=|were|im=|am= ~1 gone|dead ~6 @EASIER/better || " +
        "если|esli ~3 исчезну|исчезнуть|пропаду|ischeznu ~6 @EASIER/лучше || @EASIER/лучше ~4 если|esli ~2 меня|menya ~1 не= будет|станет || @EASIER/better ~4 if= i= was=|were|im= ~1 gone || " +
        "@EASIER ~4 если|esli ~2 исчезну|исчезнуть|пропаду",
      // nobody would notice, cry, miss me if I were gone; who would come to my funeral
      "bag10: @NOBODY @MISS_ME болмасам|bolmasam|жоғалсам|жогалсам|жоғалып|жогалып|zhogalyp|кетсем|ketsem|жоқ=|жок=|zhok=|joq=|исчезну|исчезнуть|пропаду|умру|umru|өлсем|өле=|ole=|өліп|olip|gone|died|станет",
      "кто=|kto=|кім=|ким=|kim=|who= ~4 @MISS_ME/придет|придёт|pridet|келер|keler|come ~4 @FUNERAL || мои=|moi=|my=|менің|менин|menin ~1 @FUNERAL || мені=|мени=|meni= @FUNERAL",
      "если|esli ~1 меня|menya ~1 не= будет ~4 @NOBODY ~3 @MISS_ME",
      // why was I born, what is the point, I don't see the meaning
      "зачем|нафига|zachem ~2 я=|ya=|ja= ~1 родил|rodil|родилась|живу|zhivu || зачем|zachem ~2 вообще|voobshe ~1 жить=|zhit=|просыпаться|prosypatsya|prosypatsa || " +
        "зачем|zachem ~2 меня|menya ~1 родили|rodili || лучше= бы=|b=|luchshe ~3 не= родил|рожал|rodil|rojdal|рождал || не= вижу|vizhu ~1 смысла|smysla ~2 жить=|продолжать|prodoljat|prodolzhat|дальше",
      "point= of= anythin|me=|livin|life|tryin|existin|goin|wakin || point= in= anythin|livin|life || смысл|smysl ~3 жить=|zhit=|жизни|zhizni|просыпаться|продолжать",
      "bag5: мәні|мани|mani|мәнісі|маниси|manisi|мағынасы|магынасы|magynasy|mağynasy жоқ=|жок=|zhok=|joq=|бар= өмір|омир|omir|өмірдің|омирдин|omirdin|ömirdiñ|бәрінің|баринин|ештеңенің|ештененин|мұның|мунын|осының|осынын",
      "неге|nege ~2 тірі|тири|tiri|журмин|жүрмін|zhurmin|турам|тұрам|turam ~3 түсінбеймін|тусинбеймин|билмеймин|білмеймін|bilmeimin|омирде|өмірде|omirde || не= үшін|ушин ~2 тірі|тири|tiri|журмин|жүрмін|zhurmin|турам|тұрам|turam ~3 түсінбеймін|тусинбеймин|билмеймин|білмеймін|bilmeimin|омирде|өмірде|omirde",
      // a burden, extra, in the way
      "быть=|byt= ~1 обуз|obuz|проблем|problem || обуз|obuz ~2 для|dlja|dlya || @BURDEN/ауырлықпын|ауырлыкпын|auyrlykpyn|ауырлық|жүгіміз|жугимиз|jugimiz ~6 @EASIER/құтыласыңдар|кутыласындар || " +
        "я=|ya=|ja=|мен=|men= ~2 лишн|lishn|артықпын|артыкпын|artykpyn || артық|артык|artyk|artyq ~1 адаммын|адамын|adammyn|сияқтымын|сияктымын || лишн|lishn ~2 в= этой|etoi ~1 семье|seme|семь= || " +
        "жүк=|жук=|juk=|zhuk= ~1 болғым|болгым|bolgym ~1 келмейді|келмейди|kelmeidi || ешкімге|ешкимге|eshkimge ~2 жүк=|жук=|салмақ|салмак|кедергі|кедерги|мәселе|маселе ~1 болмаймын|болмайын",
      // I don't want to exist, want to vanish (Kazakh forms)
      "жоқ=|жок=|joq=|zhok= ~1 болғым|болгым|bolgym|bolğym ~1 келеді|келеди|keledi || жоғалғым|жогалгым|jogalgym|zhogalgym|joğalğym ~1 келеді|келеди|keledi|keledı || " +
        "өзімді|озимди|ozimdi|өзін|озин|ozin ~1 жоқ=|жок=|zhok= ~1 қылғым|кылгым|kylgym|қылғысы|кылгысы|kylgysy|қыламын|кыламын",
      // I won't live to see it
      "не= доживу|dozhivu || жетпеймін|жетпеймин|zhetpeimin|jetpeimin ~3 ойлаймын|oilaimyn|шығар|сияқты || ертеңгі|ертенги|ertengi ~1 күнім|куним|kunim ~1 болмаса|bolmasa || " +
        "ертең|ертен|erten ~1 таң= атпаса",
      "won't|wont= be= a= problem|burden ~2 for= anyone|anymore|after || не= буду ~2 мешать|meshat|проблем || мешать|meshat ~2 не= буду || перестану ~3 проблем|мешать|обуз || " +
        "скоро|skoro ~3 отдохнете|отдохнёт|otdohnet|otdohnete|отдохнет",
      "if= i= ~1 died|disappeared|vanished ~6 would|notice|care || if= i= was= gone ~6 would|notice|care || if= im=|i= gone ~4 nobody|ешкім|ешким|никто",
      "спать|spat|lech|лечь ~3 и= ~1 больше= не= вставать|проснуться|просыпаться || больше= не= вставать|vstavat",
    ],
  },
  {
    id: "plan_time",
    cat: "suicide_self_harm",
    level: "emergency",
    any: [
      "bag10: @PLANNED @WHEN @END_FUT",
      "bag10: @PLANNED все=|всё=|vse= закончится|кончится|zakonchitsya|zakonchitsa навсегда|navsegda|меня|menya",
      "bag12: @PLANNED @WHEN @PILL",
      "bag10: @PLANNED @PILL соңғы|сонгы|songy|последний|poslednii|last=",
      "bag10: @WHEN ~3 меня|menya ~1 уже=|больше|никогда ~1 не= будет || ертең|ертен|erten|бүгіннен|сосын|потом ~2 мен= ~1 уже=|енді|endi ~1 болмаймын|bolmaimyn",
      "bag8: @WHEN все=|всё|vse= ~1 закончится|кончится|zakonchitsya|zakonchitsa ~2 навсегда|navsegda || все=|всё|vse= ~1 закончится|кончится|zakonchitsya|zakonchitsa ~2 навсегда|navsegda",
      "бүгін|бугин|bugin ~3 түнде|тунде ~2 бәрін|барин|barin ~1 бітіремін|битиремин|аяқтаймын|шешемін|шешемин || шешімім|шешимим|sheshimim|жоспарым|zhosparym ~6 бәрі|бари|bari ~1 бітеді|битеди",
      "нашла|нашел|нашёл|found|таптым ~2 способ|sposob|way= ~3 закончить|end=|бітір || знаю= как= ~4 @WHEN",
      "bag6: today|сегодня|бүгін|бугин|bugin my=|мой=|менің|последний|poslednii|last|соңғы|сонгы|songy day=|день=|den=|күнім|куним|kunim @PILL/@PLANNED",
      "ешкім|ешким|eshkim|никто|nobody ~1 тоқтата|токтата|остановит|stop= ~1 алмайды",
    ],
  },
  // ======================= second pass: goodbye notes, giving things away =================
  {
    id: "goodbye_2",
    cat: "suicide_self_harm",
    level: "emergency",
    any: [
      "bag12: @GIVE_AWAY/берем|беремін|жібердім|жибердим|jiberdim|jıberdım|тапсырдым|tapsyrdym|alsyn|алсын @FAREWELL/қош|кош|qosh|qoş|kosh|сау=|sau=",
      "bag12: @GIVE_AWAY/берем|беремін|жібердім|тапсырдым керек|керегі|кереги|kerek|keregi|нужн|понадоб|need= енді|енди|endi|больше|уже=|anymore|bolshe",
      "sorry= for= everythin ~8 @FAREWELL/bye=|goodbye|godbye|қош=|кош=|qosh=|kosh=",
      "соңғы=|сонгы=|songy=|последний=|poslednii= рет=|раз=|ret=|raz= ~1 онлайнмын|онлайн|onlain|online|сети=|seti=|захожу|zahozhu",
      "bag10: this= is= goodbye @THANKS_ALL/@FORGIVE/love|жақсы|жаксы|люблю|forever|sorry=",
      "bag12: бәрі=|бари=|bari=|барлығы=|барлыгы= үшін=|ушин=|ushin= @FORGIVE/@THANKS_ALL қош=|кош=|kosh=|qosh=|сау=|sau=/@FAREWELL",
      "bag8: соңғы=|сонгы=|songy=|ақырғы=|акыргы=|akyrgy= рет=|ret= @FORGIVE/@THANKS_ALL/@FAREWELL/қош=|кош=|kosh=|qosh=",
      "bag8: @FORGIVE @DECIDED/шештім|шештим|sheshtim|шешіп|шешип|решилась",
      "bag10: @FORGIVE/@THANKS_ALL/@FAREWELL енді|енди|endi кездеспейміз|кездеспеймиз|kezdespeimiz || bag10: @FORGIVE/@THANKS_ALL/@FAREWELL больше|bolshe не= увидимся|uvidimsya",
      "bag10: @FORGIVE/@THANKS_ALL/@FAREWELL love= you= all=|guys || bag10: @FORGIVE/@THANKS_ALL/@FAREWELL вас= всех|vseh ~1 люблю|lyublyu || bag10: @FORGIVE люблю|lyublyu|love так= будет= лучше",
      "bag12: @THANKS_ALL everythin|всё|все=|vse=|бәрі|бари|bari|бәріне|барине|барлыгына|барлығына @FAREWELL/@FORGIVE/sorry=",
      "записку|zapisku ~4 подушк|podushk || " +
        "@NOTE ~3 в= тетрадке|столе|stole|шкафу|shkafu || @NOTE ~1 для|dlya|dlia ~1 мамы|mamy|родителей",
      "bag12: удалила|удалил|udalila|deleted|өшірдім|ошырдым|oshirdim|öşırdım @PHOTO/аккаунт|akkaunt|akkauntymdy|account @FAREWELL/@THANKS_ALL/қош|qosh|qoş|kosh",
      "күтпеңдер|кутпендер|kutpender|kütpeñder ~3 @FAREWELL/қош|кош|qosh|kosh|енді|енди|endi || не= ждите|zhdite ~1 меня|menya || dont= wait= for= me= || іздемесін|издемесин|izdemesin",
      "мәңгілікке|мангиликке|mangilikke|мәңгіге|мангиге ~2 кетемін|кетемин|ketemin|кетем=|ketem=|ұйықтағым|уйыктагым|uiyktagym|кеткім || " +
        "мүлдем|мулдем|muldem|біржола|бирjола|біржолата ~1 кетемін|кетемин|ketemin|кетем=|ketem= ~6 @FAREWELL/қош|кош|qosh|kosh|сау=|ешкім|ешким|eshkim|қайтып|кайтып|оралмаймын|достар|келмеймін || " +
        "@FAREWELL/қош|кош|qosh|kosh|сау= ~6 мен= ~1 кетемін|кетем= ~1 мүлдем|біржола",
      "bag8: @FAREWELL/қош|кош|qosh|kosh|сау=|sau= болыңдар|болындар|bolyndar|bolyñdar @DECIDED/@TONIGHT/шештім|шештим|sheshtim|кинали|кінәлі|kinali|бүгін|бугин|bugin",
      "bag12: @FORGIVE/@FAREWELL/@THANKS_ALL/love|люблю|lyublyu|көремін|коремин|koremin @PHONE_OFF wrote|texted|sent|написал|написала|napisal|napisala|жазды|жазып|деп=|dep=|posted|ушел|ушла|ушёл|кетіп|кетип|ketip|кетті|кетти",
    ],
  },
  // ======================= second pass: euphemisms of games and of leaving =================
  {
    id: "euphemism_2",
    cat: "suicide_self_harm",
    level: "emergency",
    soft: true,
    any: [
      "bag6: @SELF/жизни|жизнь|zhizn|zhizni|өмірден|омирден|omirden|ömırden|өмірімнен|реале|реальн|life|тіршілік бан=|ban=|логаут|logaut|банға|забан|zaban|alt=|f4=|ливн|livn|leave|logout|" +
        "өшір|ошир|oshir|öşır|öşir|өшіріп|ошырып",
      "выйду|выйти|vyidu|vyiti|quit|leave|leavin ~4 игры|igry|game ~2 названием|nazvaniem|called|называется|называемой ~1 жизнь|zhizn|life || game= of= life ~3 quit|leave|log || ойыннан|oiynnan ~1 шыққым|шыккым|shykkym ~2 насовсем|навсегда|мүлдем|біржола|forever || өмір=|омир=|omir= деген|degen ~1 ойыннан|oiynnan",
      "респавн|respawn|respavn|респавнсыз",
      "терезеден|terezeden ~2 выйти|выйду|vyidu|vyiti|шығам|шыгам|шығамын|секір || го=|go=|пошли= в= окно=|okno=",
      "биіктен|биіктен|biikten|biiktan|биктен ~2 ұшып|ушып|ushyp|секір|sekir|құла|кула",
      "өмірден|омирден|omirden|ömırden ~1 устала|устал|задолбал|надоело|tired|шаршадым|шаршадым || тіршіліктен|тиршиликтен|tirshilikten|tirşilikten ~1 шаршадым|шаршадым|sharshadym|şarşadym|жалықтым",
      "бәрі|бари|bari|bäri ~1 біржола|biržola|birjola ~1 бітсе|битсе|bitse || бәрі|бари|bari|bäri ~1 бір=|бир=|bir= жола|jola ~1 бітсе|битсе|bitse",
    ],
  },
  {
    id: "euphemism_leave_for_good",
    cat: "suicide_self_harm",
    level: "emergency",
    soft: true,
    notNext: "из=|iz=|from=|с=|со=|от=|в=|на=|к=|домой=|school|из=",
    any: ["@WANT_DIE/hochu ~2 уйти|uiti ~1 навсегда|navsegda || уйти|uiti ~1 навсегда|navsegda"],
  },
  // ======================= second pass: poison, overdose told by its symptoms ==============
  {
    id: "poison_2",
    cat: "overdose",
    level: "emergency",
    any: [
      "bag6: @POISON @INGEST/@INGEST_STRONG/іштім|иштим|ishtim|ішіп|ишип|ishyp|ішті|ишти|drank|drink|выпил|выпила|vypil|vypila",
      "bag10: @INGEST/@INGEST_STRONG чтото|что|to=|something|бірдеңе|бирдене|какую|kakuyu|какой|kakoi|гаража|гараж @BURNS",
      "bag10: @PILL @INGEST/@INGEST_STRONG/наелся|наелась|naelsya @BURNS/разбудить|razbudit",
      "bag8: @PILL @INGEST/наелся|наелась @QTY_WORD",
      "bag10: @INGEST/@INGEST_STRONG/@POISON/@PILL не= могу= разбудить|razbudit || bag10: @INGEST/@INGEST_STRONG/@POISON/@PILL passed= out= || bag10: @INGEST/@POISON lying= on= floor",
    ],
  },
  // ======================= second pass: reports about another child =======================
  {
    id: "third_party_2",
    cat: "suicide_self_harm",
    level: "high",
    any: [
      // fresh cuts seen on a child's body
      "bag6: @FRESH_CUTS arms|thighs|wrists|legs|руках|руке|предплечь|бедрах|ногах|ruki|ruke|rukah|қолында|колында|kolynda|qolynda|білегінде|билегинде|bilegin|санында|sanynda|сына=|дочери=|daughters|sons=",
      "@SELF ~1 убьет|убьёт|ubyet|убьют || өзін|озин|ozin ~1 убьет|убьёт|өлтіреді|олтиреди|oltiredi",
      "rezhet|режет|режут ~1 руки|ruki|вены|veny|себя|sebya",
      // searched for a painless death
      "как=|kak=|how= ~3 не= больно ~2 умереть|umeret|die=|death|kill= || как=|kak=|how= ~3 безболезненно|bezboleznenno|painless|painlessly ~2 умереть|umeret|die=|death|kill= || ауыртпай|ауыртпай|auyrtpai ~2 өлу=|олу=|olu=|өлуге|олуге|oluge || painless|painlessly ~2 way=|ways|suicide|die=",
      // a child on a roof, a bridge, a ledge
      "bag8: @HEIGHT/көпірдің|копирдин|köpirdiñ|шатырға|шатырга|шатырда @FAREWELL/қош|кош|qosh|kosh|коштасып|қоштасып/@PHONE_OFF",
      "bag6: балконның|балконнын|balkonnyn|терезенің|терезенин|окна|okna сыртында|сыртына|syrtynda|снаружи|outside",
      "подоконник|podokonnik|windowsil|сыртында ~3 сидит|sidit|отыр|sits|sittin|тұр=|тур=|стоит",
    ],
  },
  {
    id: "third_party_abuse",
    cat: "physical_abuse",
    level: "high",
    any: [
      "bag8: @MARKS @BELT",
      "bag6: @MARKS from= ~2 @AGENT/@MALE_ADULT/stepmom|stepmother|stepdad|stepfather",
      "bag6: @MARKS cover=|coverin=|makeup=|тональн|замазыва|zamazyva|жасырамын|jasyramyn",
      "slam=|slams=|slamed=|smashed=|bangs=|banged= ~2 my= head=|face= ~3 on=|against=|into=",
      "bag6: @MARKS @BEAT/@BEAT_EN/@BEAT_PAST @AGENT/@VICTIM3",
      "@BEAT ~1 его=|её=|ее=|оны=|ony=|onu=|ego=|ee= || его=|её=|ее=|оны=|ony=|onu=|ego=|ee= ~1 @BEAT || @AGENT ~2 @BEAT_EN/beatin ~1 them=|him=|her=",
      "таяқ|таяк|tayak ~1 жеп=|жейді|жеді|zhep=",
    ],
  },
  {
    id: "third_party_sexual",
    cat: "sexual_abuse",
    level: "high",
    any: [
      "bag6: @TOUCH @VICTIM3 @AGENT/@G_ADULT/@SECRET",
      "bag10: өгей|огей|ogei|отчим|otchim|stepdad|stepfather|stepbrother|дядя|dyadya|uncle|нағашы|нагашы|ағасы|агасы|agasy|cousin|мужчина|мужик|сосед|көрші|корши бөлмесіне|болмесине|bolmesine|бөлмесінде|бөлмеме|bolmeme|room=|комнату|komnatu|кровать|постели|posteli @G_NIGHT",
      "bag8: өгей|огей|ogei|отчим|otchim|stepdad|stepfather|ағасы|агасы|agasy|нағашы @G_NIGHT мазала|mazala|кіреді|киреди|kiredi|кіріп|кирип|sneaks|comes|приходит|заходит|пристает",
      "sneaks ~2 into ~2 room=|bedroom|bed=",
      "bag10: нарисовала|нарисовал|narisovala|drew|салды|суретте себя|sebya|өзін|herself|himself кровати|krovati|posteli|постели|bed=|төсекте",
    ],
  },
  // ======================= second pass: runaway, sleeping rough, thrown out ================
  {
    id: "runaway_2",
    cat: "runaway_unsafe",
    level: "high",
    any: [
      "bag5: @SLEEP_OUT @STREET",
      "живу|zhivu ~2 в= подъезде|podezde|на= улице|ulitse || көшедемін|кошедемин|koshedemin|далада|dalada ~3 ашпын|суыкта|суықта|тоңып || sleepin|sleeping|slept|sleep= ~3 station|street|streets|bench|outside",
      "меня|menya|menia ~1 выгнали|выгнала|выгнал|vygnali|vygnala|vygnal || выгнал|выгнала|выгнали|vygnal|vygnala|vygnali ~1 меня|menya|menia|нас= || " +
        "выгнал|выгнала|выгнали|vygnal|vygnali ~4 идти|некуда|nekuda|улиц|ulits|сижу|sizhu|ночую",
      "үйден|уйден|uiden|üiden ~3 шығарып|шыгарып|shygaryp|қуып|куып|kuyp ~1 жіберді|жиберди|jiberdi|zhiberdi|шықты|шыкты|shykty || @AGENT ~2 қуып|куып|kuyp ~1 шықты|шыкты|жіберді|жиберди",
      "идти|пойти|деться|idti|poiti ~1 некуда|nekuda || барарымды|барарымды|bararymdy ~2 білмеймін|билмеймин|bilmeimin|не= знаю || баратын|баратын|baratyn ~1 жерім|жерим|zherim|jerim ~1 жоқ=|жок=",
      "из= дома|doma ~2 сбежал|сбежала|убежал|убежала|ушла|ушел|ушёл|выгнали|sbezhal|sbezhala || үйден|уйден|uiden ~2 сбежал|сбежала|кетіп|кетип|ketip|шығып ~1 кетті|кетти|қалды|калды|kaldy",
      "bag8: @STREET/вокзалда|vokzalda|вокзалдамын|көшедемін|кошедемин|koshedemin үйге|уйге|uige|домой|domoi|home қайтпаймын|кайтпаймын|qaitpaimyn|kaitpaimyn|барғым|баргым|бармай|бармаймын|barmaimyn|боюсь|нельзя|пустят|pustyat|scared|afraid|қорқамын|коркамын|korkamyn",
      "bag8: үйге|уйге|uige|домой|domoi|home баруға|баруга|barugha|baruga|идти|go= қорқамын|коркамын|korkamyn|боюсь|scared|afraid @STREET/түнеп|тунеп|tunep|сижу|sizhu|outside|ночую|далада|dalada",
      "күн=|кун=|kun=|дня|дней|ночь|ночи|days|nights ~4 үйге|уйге|uige|домой ~1 бармағаныма|бармаганыма|бармадым|бармадым|bardym|bармадым || үйге|уйге|uige ~1 бармағаныма|бармаганыма|bармаганыма ~3 күн=|кун=",
      "не= возвращайся|vozvrashaisya || dont= come= back || кет= из= моего= дома || убирайся|ubiraisya ~3 из= дома=",
      "bag8: @AGENT/@PARENTS үйге|уйге|домой|home ~2 кіргізбейді|киргизбейди|kirgizbeidi|пускает|пустят",
      "интернаттан|internattan|детдома|detdoma ~2 қашып|кашып|kashyp|сбежал|сбежала",
    ],
  },
  // ======================= second pass: sextortion said with money or a leak ================
  {
    id: "sextortion_2",
    cat: "threats_sextortion",
    level: "high",
    any: [
      "bag12: @PHOTO @LEAK @MONEY",
      "bag12: @PHOTO/@NUDE @DEMAND/@MONEY or=|unles|otherwise|иначе|или= @LEAK/goes=|posts=|gets= || bag10: @PHOTO hel=|shel=|theyl=|theyll= @LEAK",
      "bag10: @PHOTO @MONEY взломал|взломали|vzlomal|hacked|tauyp|тауып|тапқан|тапкан|сақтап|сактап|saktap|saved|него=|них=",
      "bag8: @PHOTO_MY @LEAK дейді|дейди|deidi|деп=|dep=|дейді|грозит|grozit|угрожает|или=|ili=|иначе|если|esli|or=|unless|әйтпесе|айтпесе|aitpese|егер",
      "bag8: мои=|moi=|my= @PHOTO @LEAK или=|ili=|иначе|если|esli|or=|unless|грозит|grozit|theyll|will=",
      "bag10: @PHOTO @DEMAND/@MONEY салам=|саламын|salamyn|тастаймын|тастаимын|жіберем=|жиберем=|jiberem|тарат|шешеңе|шешене|анаңа|анана|родителям|roditelyam|parents|школ|сынып|synyp",
      "bag8: шешінген|шешинген|sheshingen|раздет|naked|nude @PHOTO/жазып|записал|zapisal|recorded|скрин @MONEY/@DEMAND/@LEAK",
      "bag10: @PHOTO жазып|jazyp|zhazyp|записал|recorded|сақтап|сактап|скрин ~4 алыпты|алыпты|alypty|алған|алган|algan @MONEY/@DEMAND/@LEAK/сұрайды|сурайды|suraidy",
    ],
  },
  // ======================= second pass: taken into a car, lured, held =======================
  {
    id: "abduction_2",
    cat: "violence_now",
    level: "emergency",
    any: [
      "bag12: @PUT_IN/салып|salyp|итеріп|итерип|iterip|күшпен|кушпен|küşpen|kushpen @CAR @STRANGER/@WHERE_UNKNOWN/@ABDUCT/мужчина|мужик|woman|lady|женщина|жігіт|жигит|zhigit|jigit|әйел|айел|äiel|әкетті|акетти|увез|увезли",
      "анаң|анан|anan|апаң|апан|apan|әкең|акен|aken ~2 жіберді|жиберди|jiberdi || your= mom=|mum=|dad=|mother|father ~2 sent|asked || твоя= мама|mama ~3 попросила|прислала|послала|просила",
      "mom=|mum=|dad= sent= him=|her=",
      "не= знаю= ~1 где= мы= ~1 находимся|сейчас || не= знаю= ~1 куда= меня|нас ~1 везут|везет|везёт || dont= know ~1 where= we= are= || қай= жерде|jerde ~2 екенімді|екенимди|екенімізді|ekenimdi ~1 білмеймін|билмеймин|bilmeimin || қайда|кайда|kaida|qaida ~2 екенимди|екенімізді|ekenimdi ~1 білмеймін|билмеймин|bilmeimin || " +
        "бул=|бұл=|bul= ~1 жерди|жерді|zherdi|jerdi ~1 білмеймін|билмеймин|bilmeimin",
      "bag8: driving|drove|drivin|везет|везёт|везут|едем|бара|алып other= way= || не= та= дорога || не= туда= едем|везет",
      "bag8: @VICTIM_CHILD/қызымды|кызымды|kyzymdy|ұлымды|улымды|баламды|дочку|дочь|сына|daughter|son= @CAR @PUT_IN/әкетті|акетти|увез|увезли|took=|забрал|отырғыз|отыргыз|посадили",
      "бейтаныс|неизвестн|незнаком|stranger ~3 алып= кетті|кетти|ketti || біреу|бейтаныс|неизвестн|незнаком ~3 әкетті|акетти|увел|увёл|увез || " +
        "забрал|took=|увел|увела|увёл ~4 неизвестн|незнаком|бейтаныс|stranger",
      "мені|мени|meni|қызымды|кызымды|kyzymdy ~1 алып= қашып|кашып|kashyp",
      "bag8: мені|мени|meni|меня|me= подвалға|подвалга|podvalga|подвал|podval әкелді|акелди|akeldi|привез|привезли|brought",
    ],
  },
  {
    id: "violence_2",
    cat: "physical_abuse",
    level: "high",
    now: true,
    any: [
      "bag8: @BEAT/@BEAT_EN/@BEAT_PAST/@BEAT_IP/избили|izbili|бьют|byut|тепті|тепти|тебеді @MARKS",
      "күнде|кунде|kunde|каждый= день ~1 ұрады|урады|urady|бьют|byut|бьет|бьёт|bet=|избивают|ұрып|урып",
      "@PUSH ~1 меня|menya|мені|мени|meni|в= меня || меня|menya|мені|мени|meni ~1 @PUSH",
      "поднимает|поднял|поднимал|podnimaet ~1 руку|ruku ~2 на= меня|маму|мать|нас|menya|mamu",
    ],
  },
  {
    id: "domestic_violence_2",
    cat: "domestic_violence",
    level: "high",
    now: true,
    supersedes: ["physical_abuse"],
    any: [
      "bag10: @MOM_ANY @MARKS @AGENT/@HUSBAND/упала|fell|falls|құладым|кулады|құлап|кулап|kulap|ударилась|ударилась|споткнулась|дейді|дейди|говорит|says",
      "@PUSH ~3 @MOM_ANY/@VICTIM_PARENT || @MOM_ANY/@VICTIM_PARENT ~2 @PUSH || @HUSBAND/@AGENT ~3 @PUSH ~2 her= ~3 wall|stairs|floor",
      "поднимает|поднял|поднимал|podnimaet ~1 руку|ruku ~2 на= маму|мать|mamu|жену || анама|мамама|апама|шешеме|anama|mamama ~1 қол= көтереді|көтерді|котереди|котерди|koteredi|koterdi|көтерген",
      "bag6: @MOM_ANY қолын|колын|kolyn|qolyn|руку|arm= сындырды|сындырып|сынды|сынып|сломал|broke",
      "@MOM_ANY ~3 за= волосы|volosy || шашынан|шашынан|shashynan|şaşynan ~2 @MOM_ANY || @MOM_ANY ~3 шашынан|shashynan|şaşynan",
      "@AGENT/@HUSBAND ~3 beats|beat|hits ~1 my= mom|mum|mother|aunt|wife",
    ],
  },
  {
    id: "sexual_abuse_2",
    cat: "sexual_abuse",
    level: "high",
    any: [
      "bag10: @MALE_ADULT @SEX_TOUCH @SEX_SIGNAL",
      "bag8: touches=|touched=|touchin=|трогает|trogaet|трогал|trogal|гладит|gladit ~2 me=|меня=|menya|menja @MALE_ADULT/@G_ADULT",
      "bag8: grabs|grabed|grabin=|grab=|хватает|лапает|lapaet|hvataet @ME/her= @MALE_ADULT/@G_ADULT",
      "bag8: pictures|photos|photo|films|filmin|videos|снимает|фоткает|snimaet|fotkaet ~4 me=|меня=|menya|menja|her= ~3 changin|undres|shower|переодева|pereodeva|душе",
      "bag10: никто|nikto|nobody|ешкім|ешким не= поверит|poverit|поверят|believe|сенбейді @MALE_ADULT/парень|жігіті",
      "ложится|lozhitsya|ложился ~1 ко= мне|ней|nei || ко= мне|ней ~1 в= кровать|постель ~1 ложится || gets|got|climbs ~1 into ~1 my|her ~1 bed",
      "bag8: @MALE_ADULT показывал|pokazyval|shows|showed|көрсетті|корсетти свое|svoe|своё|his тело|telo|body|денесін",
      "bag8: @MALE_ADULT/@AGENT игру|igru|ойын|oiyn|game без= одежды|odezhdy || bag8: @MALE_ADULT/@AGENT шешіндіріп|шешиндирип|sheshindirip|раздевал|undressed",
    ],
  },
  // ======================= third pass: a goodbye, then the phone goes silent ===============
  {
    id: "goodbye_unreachable",
    cat: "suicide_self_harm",
    level: "emergency",
    all: [
      "@FAREWELL || sorry= mom=|mum=|mama=|dad= || love= you= ~3 sorry= || sorry= ~3 love= you= || gonna=|going= ~1 to= do= it= tonight=|today= || бәрі=|бари=|bari= ~1 үшін=|ушин=|ushin= ~1 кешір|keshir || goodbye|godbye || қош=|кош=|qosh=|kosh=|qoş= ~1 бәрі=|бари=|bari=|болыңдар|болындар|bolyndar || кешіріңдер|кешириндер|keshirinder|кешіріңіздер || " +
        "sorry= for= everythin || простите|prostite|прости|prosti ~1 меня|menya|menja|за= все=|всё|vse= || goodnight=|night= forever= || thank|thanks= for= everythin",
      "not=|isnt=|doesnt=|wont=|didnt=|cant=|не=|ne= ~1 answerin|answer=|answers=|pickin|pick=|replyin|reply=|отвечает|otvechaet|берет|берёт|beret|отвечать || " +
        "phone= ~1 is= off= || turned|switched ~1 off= ~3 phone|location || phones= off= || " +
        "телефоны|телефонын|telefony|telefonyn|телефон ~1 өшік|ошик|oshik|өшірулі|оширули|алмайды|алмай|almaidy|almai|өшірді|оширди || жауап= бермейді|бермейди|bermeidi || " +
        "онлайн|onlain|online ~1 емес|emes || выключил|выключила|выключен|vykluchil|vyklyuchil|отключил|недоступ|nedostup",
    ],
  },
  {
    id: "not_be_here",
    cat: "suicide_self_harm",
    level: "high",
    notNext: "дома=|в=|на=|doma=|v=|na=|до=|после=|у=|с=|школе|online|онлайн|vo=|во=",
    any: [
      "ертеңнен|ертеннен|erten|скоро|завтра|zavtra|skoro ~3 меня|menya|menja ~1 не= будет|budet || меня|menya|menja ~1 больше|bolshe|уже|uzhe ~1 не= будет|budet",
    ],
  },
  // ======================= bullying: moderate =======================================
  {
    id: "bullying",
    cat: "bullying",
    level: "moderate",
    any: [
      "@BULLY",
      "make|makes|makin|made fun= || laugh|laughs|laughin at= me= || call=|calls|called me= names= || " +
        "mean= comments|things|messages|posts",
      "смеются|ржут|угарают над= мной= || пишут ~3 гадости || распускают слухи || про= меня= ~2 гадост|врут|слухи",
      "туралы ~2 жаман|өтірік|гадост || мен= туралы ~3 жаман",
      "no=|nobody= ~1 talks|plays ~1 to=|with= me= || nobody= likes= me= || ешкім ~1 жақтырмайды|жақсы= көрмейді",
    ],
  },
  // ======================= distress: moderate =======================================
  {
    id: "distress",
    cat: "distress",
    level: "moderate",
    any: [
      "@DISTRESS",
      "hate= myself= || себя= ненавижу || ненавижу= себя= || өзімді= жек= көремін",
      "nobody= understands|cares || no= one= understands|cares || никто ~2 не= понимает|понимают|любит || ешкім ~2 түсінбейді",
      "никому ~2 не= нужн || ешкімге ~1 керек= емес",
      "мне= плохо= || плохо= мне= || i= feel= bad|terible|awful || жаман= сезінемін",
      "устал|устала= от= всего= || tired= of= everythin",
      "не= могу= уснуть|заснуть|спать || cant= sleep || ұйықтай= алмаймын",
      "ничего= не= хочется || нет= сил= || no= friends || нет= друзей || досым= жоқ",
      "көңіл ~1 күйім|күйім= ~1 жоқ || көңілім= жоқ",
      "шыдай= алмаймын || can=|cant= take it= anymore",
      "бәрі= бітті= || всё= кончено= || its= over=",
      "жалғыз= сезін || feel= alone=",
    ],
  },
  // ======================= family: moderate =========================================
  {
    id: "family_conflict",
    cat: "family_conflict",
    level: "moderate",
    any: [
      "@DIVORCE",
      "@PARENTS ~3 @QUARREL",
      "@QUARREL ~3 @PARENTS",
      "ссоримся|ругаемся|ұрысамыз|ұрсысамыз|urisamiz",
      "wont|doesnt|wouldnt ~1 talk|speak ~1 to|with= me=",
      "перестал|перестала ~2 разговаривать|общаться",
      "не= разговаривает|общается ~2 со= мной= || со= мной= не= разговаривает|общается",
      "сөйлеспейді|сөйлеспей",
      "бөлек= тұрады|тұрамыз",
      "үйге барғым @KELME || домой= не= пойду || не= хочу= домой= || dont= want ~2 go= home=",
    ],
  },
]);
