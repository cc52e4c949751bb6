import type { Element, Root } from 'hast';
import { CONTINUE, visitParents } from 'unist-util-visit-parents';

/**
 * Links in story bodies: only http(s), mailto and links within the site survive; anything else
 * (javascript:, data:, vbscript:, …) loses its link and keeps its text. Links to other sites open
 * without handing them this page (rel="noopener noreferrer").
 */

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** 'internal' for a site path or fragment, 'external' for a safe absolute URL, 'unsafe' otherwise. */
export function classifyHref(href: string): 'internal' | 'external' | 'unsafe' {
  // Browsers ignore tabs, newlines and leading spaces in URLs: "java\tscript:" is still javascript:.
  const cleaned = href.replace(/[\u0000-\u0020\u007f]/g, '');
  if (/^(\/(?!\/)|#|\?|\.{0,2}\/)/.test(cleaned) && !/^\/\//.test(cleaned)) return 'internal';
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(cleaned) ? 'unsafe' : 'internal';
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? 'external' : 'unsafe';
}

export function secureLinks(tree: Root): void {
  visitParents(tree, 'element', (node, ancestors) => {
    if (node.tagName !== 'a') return CONTINUE;
    const kind = classifyHref(String(node.properties['href'] ?? ''));
    if (kind === 'external') node.properties['rel'] = ['noopener', 'noreferrer'];
    if (kind !== 'unsafe') return CONTINUE;
    // The link gives way to its text, which is visited next (it may hold links of its own).
    const parent = ancestors.at(-1) as Root | Element;
    const index = parent.children.indexOf(node);
    parent.children.splice(index, 1, ...node.children);
    return index;
  });
}

export function rehypeSafeLinks() {
  return (tree: Root) => secureLinks(tree);
}
