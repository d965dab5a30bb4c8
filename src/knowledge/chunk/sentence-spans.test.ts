import { describe, expect, it } from 'vitest';
import { sentenceSpans } from './sentence-spans.ts';

const sentences = (text: string) => sentenceSpans(text).map(([s, e]) => text.slice(s, e));

describe('sentenceSpans', () => {
  it('ends sentences at . ! ? and line breaks, after closing quotes and brackets', () => {
    expect(sentences('One. Two!  Three? "Four." (Five.) Six')).toEqual(['One.', 'Two!', 'Three?', '"Four."', '(Five.)', 'Six']);
    expect(sentences('Line one\nLine two')).toEqual(['Line one', 'Line two']);
  });

  it('does not end a sentence after an abbreviation, an initial or a decimal point, nor before a lower-case word', () => {
    expect(sentences('See e.g. Fig. 3 by Dr. Smith and J. Doe. It costs 3.50 EUR. Approx. ten. Ok... then fine.'))
      .toEqual(['See e.g. Fig. 3 by Dr. Smith and J. Doe.', 'It costs 3.50 EUR.', 'Approx. ten.', 'Ok... then fine.']);
  });

  it('splits at CJK full stops without spaces', () => {
    expect(sentences('今日は晴れです。明日は雨！')).toEqual(['今日は晴れです。', '明日は雨！']);
  });

  it('returns offsets within the asked range, without surrounding whitespace', () => {
    const text = 'xx  First one.  Second one.  yy';
    expect(sentenceSpans(text, 2, 28)).toEqual([[4, 14], [16, 27]]);
    expect(sentenceSpans('   ')).toEqual([]);
  });
});
