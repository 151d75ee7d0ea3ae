import { useEffect, useState } from 'react';

type Renderer = (src: string) => string;
let renderer: Promise<Renderer> | null = null;

function loadRenderer(): Promise<Renderer> {
  // markdown-it escapes raw HTML (html: false) and refuses javascript: links.
  renderer ??= import('markdown-it').then(({ default: MarkdownIt }) => {
    const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
    return (src: string) => md.render(src);
  });
  return renderer;
}

export function MarkdownPreview({ source, label }: { source: string; label: string }) {
  const [html, setHtml] = useState('');
  useEffect(() => {
    let live = true;
    void loadRenderer().then((render) => live && setHtml(render(source)));
    return () => {
      live = false;
    };
  }, [source]);
  return (
    <div className="post-body card" aria-label={label} role="region" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
