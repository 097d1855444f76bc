/**
 * Crisis triage from the terminal: reads one message per line from stdin and prints one JSON
 * object per line, {"level","categories","language","uncertain"}, in the same order (empty
 * lines give "none", so output lines stay aligned with input lines). `uncertain`: the model is
 * unsure, and the bot would ask "are you safe right now?".
 *
 *   printf 'I want to die\n' | npm run -s triage
 */
import { createInterface } from "node:readline";
import { assessRisk } from "../triage/index.js";

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  const { level, categories, language, uncertain } = assessRisk(line);
  process.stdout.write(`${JSON.stringify({ level, categories, language, uncertain })}\n`);
}
