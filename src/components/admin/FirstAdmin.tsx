/**
 * The admin's first screen while no account exists (in place of Payload's "create first user"
 * form, which made an admin of the first visitor): how to make the first admin on the server.
 */
import { CREATE_ADMIN_COMMAND, CREATE_ADMIN_DOCKER_COMMAND } from '../../security/firstAdmin'

export function FirstAdmin() {
  return (
    <div className="first-admin">
      <h1>Chưa có tài khoản nào</h1>
      <p>Tài khoản quản trị đầu tiên được tạo trên máy chủ, không qua trang web. Trong thư mục của cổng, chạy:</p>
      <pre>
        <code>{CREATE_ADMIN_COMMAND}</code>
      </pre>
      <p>Khi chạy bằng Docker Compose:</p>
      <pre>
        <code>{CREATE_ADMIN_DOCKER_COMMAND}</code>
      </pre>
      <p>Lệnh in mật khẩu một lần. Sau đó tải lại trang này để đăng nhập.</p>
    </div>
  )
}
