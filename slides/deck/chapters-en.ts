// All English chapters as one lazily loaded chunk (one request instead of one per chapter).
export const sources = import.meta.glob<string>('../en/*.md', { query: '?raw', import: 'default', eager: true });
