// `riskpay help COMMAND`: help for a known command exits 0, and an unknown name gets the same error
// as `riskpay NAME`, with the closest command, instead of the general help.

import { describe, expect, it } from 'vitest';
import { helpTopic } from '../../src/cli/argv-order.js';
import { runInProcess } from '../report/stand-in.js';

describe('help command', () => {
  it('reports a misspelt command', async () => {
    const run = await runInProcess(['help', 'scroe']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      'riskpay: error: Unknown command scroe. Did you mean score? Commands: score, train, evaluate, inspect, features, plan, forecast, schema.',
    );
  });

  it('matches the error of the bare name', async () => {
    const viaHelp = await runInProcess(['help', 'scroe']);
    const bare = await runInProcess(['scroe']);
    expect(viaHelp.stderr).toBe(bare.stderr);
    expect(viaHelp.code).toBe(bare.code);
  });

  it('reports a name with no close command', async () => {
    const run = await runInProcess(['help', 'xyzzy']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('riskpay: error: Unknown command xyzzy. Commands: score, train, evaluate, inspect, features, plan, forecast, schema.');
  });

  it('reports it in Swedish', async () => {
    const run = await runInProcess(['--lang', 'sv', 'help', 'scroe']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'riskpay: fel: Okänt kommando scroe. Menade du score? Kommandon: score, train, evaluate, inspect, features, plan, forecast, schema.',
    );
  });

  it('shows a known command with exit 0', async () => {
    const run = await runInProcess(['help', 'score']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: riskpay score');
    expect(run.stderr).toBe('');
  });

  it('shows the general help with exit 0', async () => {
    const run = await runInProcess(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Commands:');
  });

  it('keeps exit 2 without a command', async () => {
    const run = await runInProcess([]);
    expect(run.code).toBe(2);
  });
});

describe('helpTopic', () => {
  it('finds the word after help', () => {
    expect(helpTopic(['help', 'scroe'])).toBe('scroe');
  });

  it('skips options and their values', () => {
    expect(helpTopic(['help', '--lang', 'sv', '-q', 'scroe'])).toBe('scroe');
  });

  it('ignores other commands', () => {
    expect(helpTopic(['score', 'help'])).toBeUndefined();
  });

  it('has no topic after a bare help', () => {
    expect(helpTopic(['help'])).toBeUndefined();
  });
});
