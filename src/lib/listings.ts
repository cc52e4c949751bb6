/** Stories per page on the archive and section listings. */
export const LISTING_PAGE_SIZE = 20;
/** How many of the newest stories the front page shows; the archive has the rest. */
export const FRONT_PAGE_SIZE = 20;
