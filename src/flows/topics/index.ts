/**
 * The nine guided topic flows, one per menu topic (the product design, "Topics"). Each is data: a
 * few questions and a pure outcome; the texts are in locales/<lang>/flows.ftl.
 */
import type { Topic } from "../../domain.js";
import type { FlowDef } from "../types.js";
import { benefitsFlow } from "./benefits.js";
import { bullyingFlow } from "./bullying.js";
import { careFlow } from "./care.js";
import { dangerFlow } from "./danger.js";
import { familyFlow } from "./family.js";
import { feelingBadFlow } from "./feeling_bad.js";
import { rightsFlow } from "./rights.js";
import { specialNeedsFlow } from "./special_needs.js";
import { violenceFlow } from "./violence.js";

export const FLOWS: Readonly<Record<Topic, FlowDef>> = Object.freeze({
  danger: dangerFlow,
  violence: violenceFlow,
  bullying: bullyingFlow,
  feeling_bad: feelingBadFlow,
  family: familyFlow,
  care: careFlow,
  special_needs: specialNeedsFlow,
  benefits: benefitsFlow,
  rights: rightsFlow,
});
