import { describe, expect, it } from 'vitest';
import { elements, xmlProblems } from './xml-well-formed.ts';

describe('xmlProblems', () => {
  it('accepts well-formed markup and reports broken markup', () => {
    expect(xmlProblems('<svg a="1"><g><path d="M0 0"/></g><text>A &amp; B</text></svg>')).toEqual([]);
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>A & B</text></svg>')).toEqual(['unescaped & in text near "A & B"']);
    expect(xmlProblems('<svg a="x<y"/>')).toEqual(['raw < in attribute a of <svg>']);
    expect(xmlProblems('<svg a="1" a="2"/>')).toEqual(['duplicate attribute in <svg>']);
    expect(xmlProblems('<svg/><svg/>')).toEqual(['expected one root element, found 2']);
  });

  it('lists elements by name and class', () => {
    expect(elements('<svg><rect class="logo" width="3"/><rect width="4"/></svg>', 'rect', 'logo')).toEqual([{ class: 'logo', width: '3' }]);
  });
});
