// GB 11643 resident ID: 17 digits and a check character, a valid birth date, adult. The server checks
// again; this only spares a round trip for a typo.
function idNumberProblem(raw, now = new Date()) {
  const s = String(raw || '').trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号应为18位(末位可为X)';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += w[i] * Number(s[i]);
  if ('10X98765432'[sum % 11] !== s[17]) return '身份证号校验位不正确';
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return '身份证号中的出生日期无效';
  if (new Date(Date.UTC(y + 18, m - 1, d)) > now) return '提现须年满18周岁';
  return null;
}

module.exports = { idNumberProblem };
