// All Chinese chapters as one lazily loaded chunk (one request instead of one per chapter).
export const sources = import.meta.glob<string>('../zh/*.md', { query: '?raw', import: 'default', eager: true });
