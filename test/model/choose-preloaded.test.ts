// With a model file loaded by another thread, the model choice takes that thread's model, raises the
// file's own errors, and loads the file itself when the thread failed for another reason.

import { describe, expect, it } from 'vitest';
import { RiskpayError } from '../../src/findings.js';
import { bundledModelPath, chooseModel, loadBundledModel } from '../../src/model/index.js';

const ledger = { invoices: [], extraColumns: [] };
const asOf = 19_800;

describe('model choice with a preloaded file', () => {
  it('takes the model the thread loaded', async () => {
    const loaded = loadBundledModel();
    const { model, choice } = await chooseModel(ledger, { asOf, modelPath: bundledModelPath(), preloaded: async () => loaded });
    expect(model).toBe(loaded);
    expect(choice.source).toBe('file');
  });

  it('raises the error the load raised', async () => {
    const error = new RiskpayError('MODEL_FILE_NOT_FOUND', { file: 'x.json', reason: 'ENOENT' }, { file: 'x.json' });
    const choosing = chooseModel(ledger, { asOf, modelPath: 'x.json', preloaded: () => Promise.reject(error) });
    await expect(choosing).rejects.toBe(error);
  });

  it('loads the file itself when the thread failed', async () => {
    const preloaded = () => Promise.reject(new Error('model thread exited with code 1'));
    const { model, choice } = await chooseModel(ledger, { asOf, modelPath: bundledModelPath(), preloaded });
    expect(choice.source).toBe('file');
    expect(model.meta.featureNames).toEqual(loadBundledModel().meta.featureNames);
  });
});
