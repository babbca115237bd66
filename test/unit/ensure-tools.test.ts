// `npm test` must either find the programs its tests run or stop with one line a person can act on.
import { describe, expect, it } from 'vitest';
import { ensureTools, ToolError, type RequiredTool } from '../setup/ensure-tools.mjs';

const shell: RequiredTool = { name: 'sh', neededFor: 'this test', candidates: ['/nonexistent/sh', 'sh'], aptPackages: ['dash'] };
const missingTool: RequiredTool = {
  name: 'Frobnicator',
  neededFor: 'this test',
  candidates: ['/nonexistent/frobnicator', 'vigia-frobnicator-that-does-not-exist'],
  aptPackages: ['frobnicator'],
};

describe('ensureTools', () => {
  it('finds a tool on PATH when its first candidate is absent', () => {
    const found = ensureTools([shell], { canInstall: false });
    expect(found.get('sh')).toMatch(/\/sh$/);
  });

  it('stops with a one-line instruction naming the package when it cannot install', () => {
    let thrown: unknown;
    try {
      ensureTools([shell, missingTool], { canInstall: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ToolError);
    const message = (thrown as Error).message;
    expect(message).toContain('Missing Frobnicator');
    expect(message).toContain('apt-get install frobnicator');
    expect(message).not.toContain('\n');
  });

  it('refuses an environment override that is not an executable', () => {
    const tool: RequiredTool = { ...shell, env: 'VIGIA_TEST_TOOL_PATH' };
    process.env.VIGIA_TEST_TOOL_PATH = '/nonexistent/tool';
    try {
      expect(() => ensureTools([tool], { canInstall: false })).toThrow('VIGIA_TEST_TOOL_PATH=/nonexistent/tool is not an executable file');
    } finally {
      delete process.env.VIGIA_TEST_TOOL_PATH;
    }
  });
});

describe('ensureTools with a Python module', () => {
  const python = { name: 'python', neededFor: 'this test', candidates: ['python3'], aptPackages: ['python3'] };

  it('accepts an interpreter that can import the module', () => {
    expect(ensureTools([{ ...python, pythonModule: 'json' }], { canInstall: false }).get('python')).toMatch(/python3$/);
  });

  it('treats an interpreter without the module as missing', () => {
    expect(() => ensureTools([{ ...python, pythonModule: 'vigia_module_that_does_not_exist' }], { canInstall: false })).toThrow(
      'Missing python',
    );
  });
});
