// SPEC §2.5: every page that shows earnings carries this line.
const { COMPLIANCE_NOTICE } = require('../../utils/format');

Component({
  data: { text: COMPLIANCE_NOTICE },
});
