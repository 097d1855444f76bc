/**
 * The shipped crisis model (data/triage/model.bin), read once on first use. No download: the
 * weights are a file in the repository, written by `npm run train:triage`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeModel, type CrisisModel } from "./model.js";

export const MODEL_PATH = fileURLToPath(new URL("../../../data/triage/model.bin", import.meta.url));

let shipped: CrisisModel | undefined;

/** The shipped model; throws, naming the file, when it is missing or malformed. */
export function shippedModel(): CrisisModel {
  if (shipped === undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(MODEL_PATH);
    } catch (err) {
      throw new Error(`crisis model: cannot read ${MODEL_PATH} (run npm run train:triage): ${(err as Error).message}`);
    }
    shipped = decodeModel(bytes);
  }
  return shipped;
}
