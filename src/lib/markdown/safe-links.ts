/**
 * Links in story bodies: only http(s), mailto and links within the site survive; anything else
 * (javascript:, data:, vbscript:, …) loses its link and keeps its text. Links to other sites open
 * without handing them this page (rel="noopener noreferrer").
 */

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

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

export function secureLinks(tree: HastNode): void {
  const visit = (node: HastNode) => {
    const children = node.children;
    if (!children) return;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'element' && child.tagName === 'a') {
        const href = String(child.properties?.['href'] ?? '');
        const kind = classifyHref(href);
        if (kind === 'unsafe') {
          children.splice(i, 1, ...(child.children ?? []));
          i--;
          continue;
        }
        if (kind === 'external') child.properties = { ...child.properties, rel: ['noopener', 'noreferrer'] };
      }
      visit(child);
    }
  };
  visit(tree);
}

export function rehypeSafeLinks() {
  return (tree: HastNode) => secureLinks(tree);
}
