import { describe, expect, it } from 'vitest';
import { approveState, newVersionState, rfqState } from './genome-actions.ts';

describe('genome actions', () => {
  it('lets only owners approve, and only a reviewed genome', () => {
    expect(approveState('reviewed', 'owner')).toEqual({ allowed: true, reason: null });
    expect(approveState('reviewed', 'editor').reason).toMatch(/owners/);
    expect(approveState('specifying', 'owner').reason).toMatch(/reviewed/);
    expect(approveState('approved', 'owner').reason).toMatch(/locked/);
  });

  it('opens new versions and RFQs only from an approved genome, to editors and owners', () => {
    for (const check of [newVersionState, rfqState]) {
      expect(check('approved', 'editor').allowed).toBe(true);
      expect(check('approved', 'owner').allowed).toBe(true);
      expect(check('approved', 'viewer').allowed).toBe(false);
      expect(check('reviewed', 'owner').reason).toMatch(/approved/);
    }
  });
});
