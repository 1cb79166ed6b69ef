/** Both spellings of an embedded session: `embedded` (API up to 2026-02) and `embedded_page`. */
export const isEmbedded = (uiMode: string) => uiMode === 'embedded' || uiMode === 'embedded_page';
