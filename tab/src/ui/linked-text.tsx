import { Link } from '@fluentui/react-components';
import { splitLinks } from '../logic/links.js';

/** Text as written, its http(s) addresses as links that open outside Teams. */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, index) =>
        part.kind === 'link' ? (
          <Link key={index} href={part.href} target="_blank" rel="noopener noreferrer" inline>
            {part.text}
          </Link>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
