import { ActiveConnectionStatus } from './active-connection-status';
import { BrokerInfo } from './broker-info';
import { DemoSwitch } from './demo-switch';
import { NoticeBar } from './notice-bar';

export function TopBar() {
  return (
    <header className="top-bar">
      <h1 className="app-name">MQTT Scope</h1>
      <ActiveConnectionStatus />
      <NoticeBar />
      <div className="top-bar-spacer" />
      <BrokerInfo />
      <DemoSwitch />
    </header>
  );
}
