// The demo pages (multi-page): vite bundles the four pages that import the widgets from npm;
// public/script-tag.html is copied as it is (no bundler touches it), as are other public files.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  publicDir: 'public',
  // the pages are served from the site root by scripts/demo-server.mjs
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: {
        index: here('index.html'),
        lms: here('lms.html'),
        'hr-portal': here('hr-portal.html'),
        'course-platform': here('course-platform.html'),
        react: here('react.html'),
      },
    },
  },
});
