// Admin's texts that its locales cannot reach (see ../../shared/texts-in-place.js).
import {putIntoChinese} from '../../shared/texts-in-place.js';

putIntoChinese([
  ['span[ng-click="addAllPermissionsTo(authorization)"]', 'Select all', '全选'], // an authorization's permissions
  ['span[ng-click="addNonePermissionsTo(authorization)"]', 'Unselect all', '全不选']
]);
