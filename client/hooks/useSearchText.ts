import { useEffect, useState } from 'react';

// A search box's text and the query it settles into once the person stops typing, so a
// server search runs once per pause, not once per keystroke.

const SETTLE_MS = 300;

export function useSearchText(): { text: string; setText: (t: string) => void; q: string } {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), SETTLE_MS);
    return () => clearTimeout(t);
  }, [text]);
  return { text, setText, q };
}
