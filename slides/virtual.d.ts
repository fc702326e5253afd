// Modules the build makes (vite plugins), for the type checker.
declare module 'virtual:wharf-qr' {
  const symbol: import('./diagrams/qr-symbol.ts').QrSymbol;
  export default symbol;
}
