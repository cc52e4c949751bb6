declare module 'virtual:newsroom-options' {
  const options: import('./integrations/newsroom-options.ts').ResolvedNewsroomOptions;
  export default options;
}
