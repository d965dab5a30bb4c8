import { describe, expect, it } from 'vitest';
import { certificationSatisfies, holdsCertification, missingCertifications } from './certification-match.ts';

describe('certification matching', () => {
  it('ignores case, punctuation and the edition year', () => {
    expect(certificationSatisfies('ISO 9001:2015', 'ISO 9001')).toBe(true);
    expect(certificationSatisfies('iso9001', 'ISO 9001')).toBe(false);
    expect(certificationSatisfies('ISO 9001', 'iso 9001:2015')).toBe(true);
    expect(certificationSatisfies('amfori BSCI', 'BSCI')).toBe(true);
    expect(certificationSatisfies('OEKO-TEX Standard 100', 'oeko tex')).toBe(true);
  });

  it('never confuses different standards', () => {
    expect(certificationSatisfies('ISO 14001:2015', 'ISO 9001')).toBe(false);
    expect(certificationSatisfies('ISO 9001', 'ISO 90')).toBe(false);
    expect(certificationSatisfies('BSCI', 'amfori BSCI')).toBe(false);
    expect(certificationSatisfies('anything', '')).toBe(false);
  });

  it('lists what is missing', () => {
    expect(holdsCertification(['SMETA', 'ISO 9001:2008'], 'ISO 9001')).toBe(true);
    expect(missingCertifications(['ISO 9001:2015'], ['ISO 9001', 'ISO 14001'])).toEqual(['ISO 14001']);
  });
});
