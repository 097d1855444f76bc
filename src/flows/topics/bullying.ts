/**
 * Bullying, cyberbullying, online threats and sextortion. A child is asked whether it is
 * them or a friend; an adult whether their child (pupil) is bullied or bullies others.
 * Online cases always get the evidence advice, every case ends with 150 and 111.
 */
import type { Answers, FlowDef, FlowOutcome, FlowProfile } from "../types.js";

function outcome(answers: Answers, profile: FlowProfile): FlowOutcome {
  const child = profile.role === "child";
  const where = answers.where ?? "school";
  const online = where === "online" || where === "both";
  const atSchool = where === "school" || where === "both";
  const advice: string[] = [];

  if (!child && answers.side === "bully") {
    advice.push("flow-bullying-advice-bully", "flow-bullying-advice-law");
    if (atSchool) advice.push("flow-bullying-advice-school");
    advice.push("flow-bullying-advice-lines");
    return { advice, referralTopic: "bullying", preferKinds: ["school", "helpline"] };
  }

  const threat = answers.threat ?? "none";
  const extortion = threat === "photos" || threat === "money";
  if (child) {
    if (answers.who === "friend") advice.push("flow-bullying-advice-friend");
    // The extortion paragraph says "not your fault" itself.
    else if (!extortion) advice.push("flow-bullying-advice-child");
  }
  if (extortion) advice.push("flow-bullying-advice-extort");
  if (threat === "harm") advice.push("flow-bullying-advice-threat");
  if (online) {
    advice.push("flow-bullying-advice-evidence");
    // General online-safety tips only when nothing more pressing takes the screen.
    if (threat === "none") advice.push("flow-bullying-advice-online");
  }
  if (atSchool) advice.push("flow-bullying-advice-school");
  if (!child) advice.push("flow-bullying-advice-law");
  advice.push("flow-bullying-advice-lines");

  return {
    advice,
    referralTopic: "bullying",
    preferKinds: online ? ["helpline", "online_safety", "school"] : ["school", "helpline"],
    protectContent: threat === "photos",
  };
}

export const bullyingFlow: FlowDef = {
  topic: "bullying",
  intro: "flow-bullying-intro",
  needsRegion: false,
  questions: [
    {
      id: "who",
      ask: "flow-bullying-q-who",
      options: [
        { id: "me", label: "flow-bullying-who-me", typed: ["@me"] },
        { id: "friend", label: "flow-bullying-who-friend", typed: ["друга", "подругу", "друг", "одноклассника", "одноклассницу", "досым", "досымды", "сыныптасым", "сыныптасымды", "friend", "classmate", "=drug"] },
      ],
      when: (_answers, profile) => profile.role === "child",
    },
    {
      id: "side",
      ask: "flow-bullying-q-side",
      options: [
        { id: "victim", label: "flow-bullying-side-victim", typed: ["травят", "обижают", "обижают моего", "қорлайды", "мазақ", "is bullied", "being bullied"] },
        { id: "bully", label: "flow-bullying-side-bully", typed: ["травит", "обижает других", "обижает", "қорлайды басқаларды", "bullies", "bullying others"] },
      ],
      when: (_answers, profile) => profile.role !== "child",
    },
    {
      id: "where",
      ask: "flow-bullying-q-where",
      options: [
        { id: "school", label: "flow-bullying-where-school", typed: ["школа", "школе", "в школе", "в классе", "класс", "мектеп", "мектепте", "сыныпта", "school", "class"] },
        { id: "online", label: "flow-bullying-where-online", typed: ["интернет", "онлайн", "соцсети", "соцсетях", "инста", "инстаграм", "тикток", "тиктоке", "телеграм", "чат", "чате", "ватсап", "интернетте", "желіде", "online", "internet", "instagram", "tiktok", "chat"] },
        { id: "both", label: "flow-bullying-where-both", typed: ["оба", "обоих", "везде и там и там", "и в школе и в интернете", "екеуінде де", "екеуі де", "екі жерде", "both", "both places"] },
      ],
    },
    {
      id: "threat",
      ask: "flow-bullying-q-threat",
      options: [
        { id: "none", label: "flow-bullying-threat-none", typed: ["обзывают", "дразнят", "смеются", "насмехаются", "мазақ", "мазақтайды", "ат қояды", "names", "laugh"] },
        { id: "harm", label: "flow-bullying-threat-harm", typed: ["угрожают", "побить", "ұрамыз", "ұрамыз дейді", "қорқытады", "threaten", "beat me"] },
        { id: "photos", label: "flow-bullying-threat-photos", typed: ["фото", "фотки", "фотографии", "сурет", "суретімді", "photos", "pictures", "nudes"] },
        { id: "money", label: "flow-bullying-threat-money", typed: ["деньги", "денег", "ақша", "акша", "money", "cash"] },
      ],
      when: (answers) => answers.side !== "bully",
    },
  ],
  outcome,
};
