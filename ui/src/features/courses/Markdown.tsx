import ReactMarkdown, { type Components } from "react-markdown";
import { api } from "../../api";

/**
 * A course page's text: headings, lists, emphasis and links from Markdown. Raw HTML is never rendered and
 * pictures come from the page's own picture, not from addresses in the text (react-markdown escapes HTML;
 * images are dropped). A link opens in the system's browser, never inside the app's window.
 */
const components: Components = {
  a: ({ href, children }) => (
    <a
      href={href}
      className="outside-link"
      onClick={(e) => {
        e.preventDefault();
        if (href) void api.openLink(href).catch(() => undefined);
      }}
    >
      {children}
    </a>
  ),
};

export function Markdown({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="markdown" data-testid={testId}>
      <ReactMarkdown components={components} disallowedElements={["img"]} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
}
