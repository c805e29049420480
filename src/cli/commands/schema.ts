// `riskpay schema`: the JSON Schema of `score --format json`.

import { scoreJsonSchema } from '../../report/schema.js';
import { emit, type CommandContext } from '../context.js';

export function schemaText(): string {
  return JSON.stringify(scoreJsonSchema(), null, 2) + '\n';
}

export async function runSchema(context: CommandContext): Promise<number> {
  await emit(context, schemaText());
  return 0;
}
