declare module 'virtual:news/config' {
  const config: import('./config.ts').NewsConfig;
  export default config;
}
