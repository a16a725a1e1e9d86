// web: vite build of the viewer — fixed entry names (assets/lantai.js, assets/lantai.css), hashed lazy chunks
import { defineConfig } from 'vite';

// LANTAI_WEB_OUT: where the build goes (CMake passes <build>/tools/gallery/viewer/dist); default ./dist.
const outDir = process.env.LANTAI_WEB_OUT || 'dist';

export default defineConfig({
  base: './',
  publicDir: 'public', // public/assets/icon.svg -> assets/icon.svg (the site's favicon)
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    cssCodeSplit: false,
    modulePreload: false,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 400,
    rollupOptions: {
      input: 'src/main.js',
      output: {
        entryFileNames: 'assets/lantai.js',
        chunkFileNames: 'assets/chunks/[name]-[hash].js',
        assetFileNames: (asset) => ((asset.names?.[0] || asset.name || '').endsWith('.css')
          ? 'assets/lantai.css' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
});
