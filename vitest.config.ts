import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test (`foo.ts` + `foo.test.ts`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['test/setup/renderer-unit.ts'],
        },
      },
    ],
  },
});
