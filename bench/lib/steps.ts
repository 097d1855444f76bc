/**
 * What a step of a long flow costs as the flow goes on: a 40-question flow (bench only, built
 * from the bullying flow's texts) given to a bot in place of the bullying flow; users answer
 * it one update in flight at a time, all users' step k before anyone's step k+1, and each
 * step's HTTP time and CPU of this process are kept. Step 1 enters the flow (and asks
 * question 1), step k answers question k-1 and asks question k.
 */
import { Agent } from "node:http";
import type { FlowDef, FlowQuestion } from "../../src/flows/types.js";
import { bullyingFlow } from "../../src/flows/topics/bullying.js";
import { UpdateFactory } from "../../src/testing/updates.js";
import type { BotUnderTest } from "./bots.js";
import { post, stopRequested } from "./drive.js";
import { summarize } from "./stats.js";

export const LONG_FLOW_QUESTIONS = 40;

/** The bullying flow's texts, 40 questions of three answers each, no region step. */
export function longFlow(questions = LONG_FLOW_QUESTIONS): FlowDef {
  const where = bullyingFlow.questions.find((q) => q.id === "where")!;
  const list: FlowQuestion[] = Array.from({ length: questions }, (_, i) => ({
    id: `q${i + 1}`,
    ask: where.ask,
    options: where.options.map((o, k) => ({ id: "abc"[k]!, label: o.label })),
  }));
  return {
    topic: "bullying",
    intro: bullyingFlow.intro,
    needsRegion: false,
    questions: list,
    outcome: () => ({ advice: ["flow-bullying-advice-lines"], referralTopic: "bullying" }),
  };
}

export interface StepCost {
  /** Median HTTP time of the step, ms. */
  ms: number;
  /** Median CPU of this process (bot, HTTP client, fake Bot API) for the step, µs. */
  cpuUs: number;
}

export interface FlowStepResult {
  users: number;
  step2: StepCost;
  step40: StepCost;
  /** Step 40 over step 2 (median HTTP time). */
  ratio: number;
  cpuRatio: number;
  failed: number;
}

/** Runs `users` users through the long flow on a bot that has it as its bullying flow (after a few unmeasured ones). */
export async function measureFlowSteps(bot: BotUnderTest, users: number, firstUserId: number): Promise<FlowStepResult> {
  await throughFlow(bot, Math.min(5, users), firstUserId + users);
  return throughFlow(bot, users, firstUserId);
}

async function throughFlow(bot: BotUnderTest, users: number, firstUserId: number): Promise<FlowStepResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const people = Array.from({ length: users }, (_, i) => new UpdateFactory({ id: firstUserId + i, first_name: "Bench", language_code: "ru" }));
  let failed = 0;
  const send = async (update: unknown) => {
    const status = await post(agent, bot.port, JSON.stringify(update)).catch(() => 0);
    if (status !== 200) failed++;
  };
  for (const u of people) {
    await send(u.text("/start"));
    await send(u.callback("lang:ru:role"));
    await send(u.callback("role:parent"));
  }
  const at = new Map<number, { ms: number[]; cpu: number[] }>([
    [2, { ms: [], cpu: [] }],
    [LONG_FLOW_QUESTIONS, { ms: [], cpu: [] }],
  ]);
  for (let step = 1; step <= LONG_FLOW_QUESTIONS + 1 && !stopRequested.value; step++) {
    for (const u of people) {
      const update = step === 1 ? u.callback("t:bullying") : u.callback(`f:bullying:q${step - 1}:a`);
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      await send(update);
      const ms = performance.now() - t0;
      const used = process.cpuUsage(cpu);
      const slot = at.get(step);
      slot?.ms.push(ms);
      slot?.cpu.push(used.user + used.system);
    }
  }
  agent.destroy();
  const cost = (step: number): StepCost => {
    const slot = at.get(step)!;
    return { ms: summarize(slot.ms).p50, cpuUs: summarize(slot.cpu).p50 };
  };
  const step2 = cost(2);
  const step40 = cost(LONG_FLOW_QUESTIONS);
  return {
    users,
    step2,
    step40,
    ratio: step2.ms > 0 ? step40.ms / step2.ms : 0,
    cpuRatio: step2.cpuUs > 0 ? step40.cpuUs / step2.cpuUs : 0,
    failed,
  };
}
