// Cockpit's texts that its locales cannot reach (see ../../shared/texts-in-place.js).
import {putIntoChinese} from '../../shared/texts-in-place.js';

putIntoChinese([
  ['thead td.actions', 'Actions', '操作'], // the variables table
  ['td.type', 'Failed Job', '作业失败'], // the incidents table
  ['td.type', 'failedExternalTask', '外部任务失败'],
  ['td.message i', 'Message is null.', '消息为空。'],
  ['.null-value', 'null', '空'], // an instance without a super process instance
  ['.loading-text', 'Loading diagram', '正在加载流程图']
]);
