export { createBaseClient } from '@creditbank/client';
export { getBalance, getLedger } from '@creditbank/client/endpoints';
